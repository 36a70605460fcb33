"""Packing the ruleset: benefit rules' alternatives -> rule specs -> durable_rules JSON.

For each benefit rule in force: *holds* rules (H); for each distinct condition (its form: entity
and alternatives, shared by every rule that uses it) *false* (F) and, where needed, *true* (T)
rules; and under DERIVE_ALL the join over derived fail facts that says "not eligible" (C, N). The
patterns on each entity fact are packed into groups (copies of the fact with their own tag) so
that no fact can overflow the engine's alpha stack or carry too many attributes.
"""
from __future__ import annotations

import datetime as dt
import itertools

from ...errors import EligibilityError, say
from ...rulebook.compile import CompiledBenefit, Plan
from ...wording.catalogue import N_
from .fired import Absent, two_valued
from .native import Fact
from .patterns import (ALPHA_BUDGET, ATTRIBUTE_BUDGET, AliasSpec, Group, Owner, Path, RuleSpec, _const, _join_json,
                       _test_json, _test_order, stack_cost)
from .translate import DNF, FLIP, Atom, Conj, Elig, Family, K, Slot, Test, Translator

ENTITIES = ("household", "person")   # the fact families whose attributes are renamed (RulesetBuilder.posted)
FAIL_JOIN = 12              # fail facts joined by one rule (engine: at most 29 cross-fact tests)
CAP = 1000                  # matches delivered to one action call


class RulesetBuilder:
    """The rule specs of a plan at an as-of date, their packing into fact groups, and the JSON ruleset."""

    def __init__(self, plan: Plan, as_of: dt.date, translator: Translator, derive_all: bool = False):
        self.plan, self.as_of, self.tr = plan, as_of, translator
        self.derive_all = derive_all          # see DERIVE_ALL in the package
        self.specs: list[RuleSpec] = []
        self.groups: dict[Family, list[Group]] = {}           # family -> groups
        self.assignment: dict[tuple[Family, Owner], int] = {}  # (family, owner) -> group index
        self.benefits = [plan.benefits[n] for n in plan.order if n in plan.benefits]
        self.forms: dict[tuple[str, DNF, DNF], int] = {}      # (entity, true, false) -> condition form index
        self.form_entity: list[str] = []
        self.form_uses: list[list[tuple[int, int, int]]] = []  # form -> (benefit, rule, condition) using it
        self.form_of: dict[tuple[int, int, int], int] = {}     # (benefit, rule, condition) -> form
        self.form_true: set[int] = set()                      # forms whose true rules some use needs
        self.absent: dict[int, Absent] = {}                   # forms read false by absence (fired.py)
        self.form_level: dict[int, int] = {}                  # their stage: the last of their attributes'
        self.conditions_in: dict[tuple[int, int], int] = {}   # (benefit, rule) -> its conditions
        self.household_keyed: set[str] = set()                # true rules of members' forms fired on the household
        self.names: dict[str, str] = {}                       # attribute -> its name in the engine's JSON
        for bi, benefit in enumerate(self.benefits):
            self._benefit(bi, benefit)
        self._form_rules()
        self._pack()
        for attr in sorted({a for groups in self.groups.values() for g in groups for a in g.attrs}):
            self.posted(attr)

    def posted(self, attr: str) -> str:
        """The attribute's name in facts and patterns: short (`a17`), because the engine parses every
        fact's JSON and writes the whole matched fact back as JSON for each match, and the action scans
        that text for the key; the long names (column and variable names) were about half the text.
        Tests and facts are still ordered by the long names (the alpha network's shape is unchanged)."""
        name = self.names.get(attr)
        if name is None:
            name = self.names[attr] = f"a{len(self.names)}"
        return name

    # ------------------------------------------------------------ rule specs
    def _benefit(self, bi: int, benefit: CompiledBenefit) -> None:
        entity = benefit.entity
        rules = self.tr.rules[benefit.id]
        for rc in rules:
            owner = (bi, rc.ri)
            self.conditions_in[owner] = len(rc.dnfs)
            variants = list(itertools.product(*[t for t, _ in rc.dnfs])) if rc.dnfs else [()]
            for k, combo in enumerate(variants):
                conj = tuple(dict.fromkeys(a for c in combo for a in c))
                self._spec(f"H{bi}_{rc.ri}_{k}", ("H", bi, rc.ri, -1), owner, entity, conj)
            for ci, (true, false) in enumerate(rc.dnfs):
                form = self.forms.setdefault((entity, true, false), len(self.forms))
                if form == len(self.form_uses):
                    self.form_entity.append(entity)
                    self.form_uses.append([])
                self.form_uses[form].append((bi, rc.ri, ci))
                self.form_of[(bi, rc.ri, ci)] = form
                # with a single condition "holds" says it is true; a single test needs no true rule
                if len(rc.dnfs) > 1 and rc.single(ci) is None:
                    self.form_true.add(form)
        self._not_eligible(bi, benefit, [rc.ri for rc in rules])

    def _form_rules(self) -> None:
        """A condition's false rules (and true rules) once per distinct condition form and entity, however
        many benefit rules share it (the pack's rules share most of their conditions): each firing
        reports the condition for a person or household, and every rule using it reads it."""
        for (entity, true, false), form in self.forms.items():
            owner = ("form", form)
            if self._by_absence(form, true, false):
                continue
            if form in self.form_true:
                for k, conj in enumerate(true):
                    self._spec(f"T{form}_{k}", ("T", form, -1, -1), owner, entity, conj)
            for k, conj in enumerate(false):
                self._spec(f"F{form}_{k}", ("F", form, -1, -1), owner, entity, conj)

    def _by_absence(self, form: int, true: DNF, false: DNF) -> bool:
        """Whether the form is read false by the absence of a true firing (fired.py): then only its
        true rules, if no holds rule says the same, and no false rule."""
        slots = two_valued(true, false)
        uses = self.form_uses[form]
        if slots is None or self.derive_all or (_single(true, false) and _likely_true(true[0][0])):
            return False
        entity = self.form_entity[form]
        if entity == "household" and any(s.entity != entity for s in slots):
            return False    # (a household rule reads members only through household variables)
        alone = all(self.conditions_in[(bi, ri)] == 1 for bi, ri, _ in uses)
        attrs = tuple((s.entity != entity, s.attr) for s in slots)
        self.absent[form] = Absent(form, attrs, tuple(dict.fromkeys((bi, ri) for bi, ri, _ in uses)) if alone else None)
        self.form_level[form] = max(s.level for s in slots)
        if not alone:
            for k, conj in enumerate(true):
                # an alternative of a member's condition on household attributes only (the commune's
                # area, the poor list) is the same for every member: it fires once on the household
                # and reports the household's key (read for its members: AbsenceReader.fill)
                name, on = f"T{form}_{k}", entity
                if entity == "person" and all(s.entity == "household" for t in conj if isinstance(t, Atom)
                                              for s in (t.left, t.right) if isinstance(s, Slot)):
                    self.household_keyed.add(name)
                    on = "household"
                self._spec(name, ("T", form, -1, -1), ("form", form), on, conj)
        return True

    def _spec(self, name: str, action: tuple[str, int, int, int], owner: Owner | None, entity: str, conj: Conj) -> None:
        primary = (entity, 0)
        families = {f for atom in conj for f in atom.families} - {primary}
        entity_fams = sorted((f for f in families if f[0] != "elig"), key=lambda f: (f[0] != entity, f[1], f[0]))
        elig_fams = sorted(f for f in families if f[0] == "elig")
        order = [primary] + entity_fams + elig_fams
        alias = {f: f"f{i}" for i, f in enumerate(order)}
        specs = {f: AliasSpec(f) for f in order}
        key = "pid" if entity == "person" else "hid"
        for f in entity_fams:
            same = f[0] == entity
            specs[f].joins.append({key if same else "hid": {"f0": key if same else "hid"}})
        for f in elig_fams:
            benefit, via = str(f[1]), f[2]   # ("elig", benefit, via)
            specs[f].local.add(("cmp", "b", "==", self.tr.benefit_index[benefit]))
            specs[f].joins.append({"e": {"f0": "pid" if via == "person" else "hid"}})
        for atom in conj:
            if isinstance(atom, Elig):
                specs[atom.families[0]].local.add(("cmp", "v", "==", atom.value))
                continue
            left = atom.left
            here = specs[left.family]
            here.attrs.add(left.attr)
            if atom.op == "ex":
                here.local.add(("ex", left.attr))
                continue
            if isinstance(atom.right, K):
                here.local.add(("cmp", left.attr, atom.op, _const(left, atom.right)))
                continue
            right = atom.right
            there = specs[right.family]
            there.attrs.add(right.attr)
            here.local.add(("ex", left.attr))
            there.local.add(("ex", right.attr))
            if left.family == right.family:
                here.local.add(("m", left.attr, atom.op, right.attr))
            elif order.index(left.family) > order.index(right.family):
                here.joins.append(_join_json(atom.op, self.posted(left.attr), alias[right.family],
                                              self.posted(right.attr)))
            else:
                there.joins.append(_join_json(FLIP[atom.op], self.posted(right.attr), alias[left.family],
                                               self.posted(left.attr)))
        self.specs.append(RuleSpec(name, action, owner, [specs[f] for f in order]))

    def _not_eligible(self, bi: int, benefit: CompiledBenefit, in_force: list[int]) -> None:
        """Not eligible = every rule in force failed.

        With no rule in force, a rule on the entity fact says so. Otherwise, under DERIVE_ALL, a join
        over derived fail facts (in chunks); by default the false rules' actions count the failed
        rules and derive the elig fact themselves when the last one fails (see Runner._false_body):
        the fail facts and their 12-way joins were three quarters of the engine's time."""
        if not self.derives_elig(benefit) or not benefit.encodes(self.as_of):   # not encoded: unknown, no fact
            return
        if not in_force:
            self.specs.append(RuleSpec(f"N{bi}", ("N", bi, -1, -1), None, [AliasSpec((benefit.entity, 0))]))
            return
        if not self.fail_join(benefit):
            return
        if len(in_force) > FAIL_JOIN * FAIL_JOIN:
            raise EligibilityError(say(N_("benefit '{benefit}' has {n} rules in force; the durable engine joins at "
                                          "most {most}"), benefit=benefit.id, n=len(in_force),
                                       most=FAIL_JOIN * FAIL_JOIN))

        def join(tag: str, field_name: str, values: list[int]) -> list[AliasSpec]:
            out = []
            for i, value in enumerate(values):
                spec = AliasSpec((tag,), local={("cmp", "b", "==", bi), ("cmp", field_name, "==", value)})
                if i:
                    spec.joins.append({"e": {"f0": "e"}})
                out.append(spec)
            return out

        if len(in_force) <= FAIL_JOIN:
            self.specs.append(RuleSpec(f"N{bi}", ("N", bi, -1, -1), None, join("fail", "r", in_force)))
            return
        chunks = [in_force[i:i + FAIL_JOIN] for i in range(0, len(in_force), FAIL_JOIN)]
        for c, chunk in enumerate(chunks):
            self.specs.append(RuleSpec(f"C{bi}_{c}", ("C", bi, c, -1), None, join("fail", "r", chunk)))
        self.specs.append(RuleSpec(f"N{bi}", ("N", bi, -1, -1), None, join("failc", "c", list(range(len(chunks))))))

    def derives_elig(self, benefit: CompiledBenefit) -> bool:
        """Whether `benefit`'s decision is asserted as elig facts (true from a holds rule, false when every
        rule has failed): for the benefits other rules join on (`eligible('x')`), or all under DERIVE_ALL."""
        return self.derive_all or benefit.id in self.tr.referenced

    def fail_join(self, benefit: CompiledBenefit) -> bool:
        """Whether "not eligible" is derived by joins in the engine over fail facts (DERIVE_ALL only)."""
        return self.derive_all

    # ------------------------------------------------------------ groups of patterns per fact
    def _pack(self) -> None:
        """Give each benefit rule's patterns on each entity fact a group: a copy of the fact with its own
        tag, so that no fact can overflow the engine's alpha stack nor carry too many attributes."""
        need: dict[Owner, dict[Family, tuple[list[Path], set[str]]]] = {}   # owner -> family -> (paths, attrs)
        shared: dict[Family, list[Path]] = {}                                 # family -> paths of rules without owner
        for spec in self.specs:
            for i, a in enumerate(spec.aliases):
                path = a.sequence(f"{spec.name}/{i}")
                if a.family[0] in ("household", "person") and spec.owner is not None:
                    paths, attrs = need.setdefault(spec.owner, {}).setdefault(a.family, ([], set()))
                    paths.append(path)
                    attrs.update(a.attrs)
                else:
                    shared.setdefault(a.family, []).append(path)
        for entity in ("household", "person"):
            anchor = list(shared.get((entity, 0), []))
            self.groups[(entity, 0)] = [Group(self._tag((entity, 0), 0), anchor, set(), stack_cost(anchor))]
        for owner, families in need.items():
            for family, (paths, attrs) in families.items():
                groups = self.groups.setdefault(family, [])
                cost = stack_cost(paths)
                for g, group in enumerate(groups):
                    if group.fits(paths, cost, attrs):
                        break
                else:
                    if cost > ALPHA_BUDGET or len(attrs) > ATTRIBUTE_BUDGET:
                        bi, ri = owner if owner[0] != "form" else self.form_uses[owner[1]][0][:2]
                        rule = self.benefits[int(bi)].rules[ri].id
                        raise EligibilityError(say(N_("rule '{rule}' needs more patterns or attributes on one fact "
                                                      "than durable_rules can take (alpha stack 64, 252 attributes)"),
                                                   rule=rule))
                    g = len(groups)
                    groups.append(Group(self._tag(family, g)))
                    group = groups[g]
                group.add(paths, cost, attrs)
                self.assignment[(family, owner)] = g
        for family, paths in shared.items():
            if family[0] not in ("household", "person") and stack_cost(paths) > ALPHA_BUDGET:
                raise EligibilityError(say(N_("too many derived-fact patterns of type '{family}' for durable_rules"),
                                           family=family[0]))

    @staticmethod
    def _tag(family: Family, group: int) -> str:
        return f"{str(family[0])[0]}{family[1]}_{group}"   # h0_0, p1_2: entity initial, stage, group

    def tag_of(self, family: Family, owner: Owner | None) -> str:
        if family[0] in ("household", "person"):
            g = 0 if owner is None else self.assignment[(family, owner)]
            return self.groups[family][g].tag
        return {"elig": "elig", "fail": "fail", "failc": "failc"}[str(family[0])]

    def ruleset(self) -> dict[str, Fact]:
        """The JSON ruleset (actions named by rule)."""
        out: dict[str, Fact] = {"warm": {"all": [{"w": {"t": "warm"}}], "run": "warm"}}
        for spec in self.specs:
            patterns = []
            for i, a in enumerate(spec.aliases):
                tests = ([{"t": self.tag_of(a.family, spec.owner)}]
                         + [_test_json(t, self.names if a.family[0] in ENTITIES else None)
                            for t in sorted(a.local, key=_test_order)] + a.joins)
                patterns.append({f"f{i}": tests[0] if len(tests) == 1 else {"$and": tests}})
            out[spec.name] = {"all": patterns, "run": spec.name, "cap": CAP}
        tags = ["elig", "fail", "failc"] + [g.tag for groups in self.groups.values() for g in groups]
        for tag in tags:
            out[f"sink_{tag}"] = {"all": [{"x": {"t": tag}}, {"y": {"t": "__never__"}}], "run": "never"}
        return out


def _single(true: DNF, false: DNF) -> bool:
    return len(true) == len(false) == len(true[0]) == len(false[0]) == 1


def _likely_true(test: Test) -> bool:
    """A single test is read by absence either way: its false rule firing (true: posted and no firing)
    or its true rule. A negative test (`!=`, `== false`) usually holds, so it keeps its false rule."""
    return isinstance(test, Atom) and (test.op == "!=" or (test.op == "==" and test.right == K(False)))
