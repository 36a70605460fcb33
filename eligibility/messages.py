"""The one-line messages of failures outside the rule pack and the register's own checks: output
folders, the operating system, interruptions, limits on hostile files.

Every such message is written through `message(key, **fields)`: the English template is the message
id of the gettext catalogue (`wording/`), worded in the language the command line set.
"""
from __future__ import annotations

from .wording.catalogue import N_, translator

_LANGUAGE = ["en"]      # the reader's language, set by the command line (`set_language`)


def set_language(lang: str) -> str:
    """Word the messages in `lang` from now on (the CLI sets it from --lang or the locale); returns the
    previous language, so that the caller can put it back."""
    previous, _LANGUAGE[0] = _LANGUAGE[0], lang
    return previous

def language() -> str:
    """The language messages are worded in now."""
    return _LANGUAGE[0]


TEMPLATES: dict[str, str] = {
    # output folders
    "out_empty": N_("--out is empty or the current folder: give a folder of its own to write into (e.g. --out ket-qua)"),
    "out_is_cwd": N_("--out '{path}' is the current folder (or above it); give a folder of its own, e.g. --out ket-qua"),
    "out_is_file": N_("'{path}' is a file, not a folder; give another --out"),
    "out_under_file": N_("'{part}' is a file, so '{path}' cannot be a folder under it; give another --out"),
    "out_locked": N_("another run is writing '{path}' right now; wait for it to finish or give another --out"),
    "out_overlaps_input": N_("--out '{path}' would replace the register '{source}' being read; give another folder"),
    "out_foreign": (N_("'{path}' is not empty and was not written by eligibility (no manifest.json); "
                       "give an empty or new folder, or add --force to replace everything in it")),
    "out_strangers": (N_("'{path}' holds files no earlier run wrote ({names}{more_text}); "
                         "give another --out, or add --force to replace everything in it")),
    # limits on register files (register/limits.py; the limits are in the README)
    "xlsx_not_zip": N_("not a readable Excel workbook (.xlsx is a zip archive): {reason}; open it in Excel and save it again"),
    "xlsx_too_big": N_("the workbook inflates to {size}, above the limit of {limit}; split the register by district"),
    "xlsx_bomb": (N_("the workbook part '{part}' inflates {ratio} times to {size}: not a real register "
                     "(a 'zip bomb'); open it in Excel and save it again, or use CSV")),
    "xlsx_too_wide": (N_("a cell at {cell} (column {column}) is beyond the limit of {limit} columns; "
                         "delete the empty columns right of the table in Excel and save again")),
    "xlsx_too_long": (N_("the sheet reaches row {rows} with {cells} cells, beyond the limits ({max_rows} rows, "
                         "{max_cells} cells); delete the empty rows below the table or split the register")),
    "xlsx_sparse": (N_("the sheet reaches row {rows} but holds only {cells} cells: stray cells far below the table; "
                       "delete the empty rows below the table in Excel and save again")),
    "parquet_unreadable": N_("cannot read the Parquet file: {reason}"),
    "parquet_duplicate_columns": N_("the column '{names}' appears more than once; keep one column per name"),
    "parquet_nested": (N_("columns holding lists or records ({columns}); a register column holds one value per cell: "
                          "flatten them before screening")),
    "parquet_too_big": N_("the Parquet data is {size} uncompressed, above the limit of {limit}; split the register"),
    "too_many_columns": N_("{columns} columns, above the limit of {limit}; keep the register's columns only"),
    "too_many_rows": N_("{rows} rows, above the limit of {limit}; split the register by district"),
    # explain
    "no_household": N_("no household '{household}' in the register"),
    "did_you_mean": N_("; did you mean '{hint}'?"),
    # verify
    "verify_not_folder": N_("'{path}' is not a folder"),
    "verify_no_manifest": N_("'{path}' has no manifest.json: it is not a complete output folder"),
    "verify_bad_manifest": N_("'{path}' is not a readable manifest (no 'files' list)"),
    "verify_missing": N_("{name}: listed in the manifest but missing"),
    "verify_unlisted": N_("{name}: present but not listed in the manifest"),
    "verify_changed": N_("{name}: changed since the run (hash differs from the manifest)"),
    # the operating system
    "os_no_space": N_("the disk is full while writing '{path}'; free some space (or give --out on another disk) and run again"),
    "os_permission": N_("permission denied for '{path}'; choose a folder you can write to (or ask for access)"),
    "os_not_folder": N_("a part of '{path}' is a file, not a folder; give another path"),
    "os_missing": N_("'{path}' does not exist; check the path"),
    "os_is_folder": N_("'{path}' is a folder where a file was expected; give a file"),
    "os_read_only": N_("'{path}' is on a read-only disk; give --out on a writable disk"),
    "os_name_too_long": N_("the name '{path}' is too long for the file system; give a shorter one"),
    "os_other": N_("cannot use '{path}': {reason}"),
    "interrupted": N_("interrupted; no output was changed (an earlier complete set, if any, is still in place)"),
    "terminated": N_("stopped by a termination signal; no output was changed (an earlier complete set, if any, is still in place)"),
    "internal": N_("internal error ({kind}: {reason}); run again with --debug and report the traceback"),
    "memory": N_("not enough memory for this register; screen it in parts (by district) or on a larger machine"),
}


def message(key: str, **fields) -> str:
    """The message `key` with its fields filled in (unknown fields are left as they are)."""
    _ = translator(_LANGUAGE[0])
    more = fields.get("more")
    fields.setdefault("more_text", _(" and {more} more").format(more=more) if more else "")
    return _(TEMPLATES[key]).format_map(_Keep(fields))


class _Keep(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


_ERRNO_KEYS = {"ENOSPC": "os_no_space", "EDQUOT": "os_no_space", "EACCES": "os_permission", "EPERM": "os_permission",
               "ENOTDIR": "os_not_folder", "ENOENT": "os_missing", "EISDIR": "os_is_folder",
               "EROFS": "os_read_only", "ENAMETOOLONG": "os_name_too_long"}


def describe_os_error(err: OSError) -> str:
    """One line for an operating-system error: the path and what to do about it."""
    import errno

    path = err.filename if err.filename is not None else "?"
    if err.filename2 is not None and err.errno not in (errno.ENOSPC,):
        path = f"{err.filename} -> {err.filename2}"
    key = _ERRNO_KEYS.get(errno.errorcode.get(err.errno or 0, ""), "os_other")
    return message(key, path=path, reason=err.strerror or str(err))
