# language: vi
@housing
Tính năng: Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo
  Chương trình MTQG giảm nghèo bền vững 2021–2025 (Quyết định 90/2022, Dự án 5; tin cậy C): hộ nghèo, cận nghèo ở
  huyện nghèo (từ 01/7/2025: xã nghèo) được hỗ trợ 40.000.000 đồng xây mới, 20.000.000 đồng sửa chữa (2022–2025).
  Phong trào xóa nhà tạm, nhà dột nát (05/10/2024 – 31/10/2025): 60.000.000 đồng xây mới, 30.000.000 đồng sửa chữa
  cho hộ nghèo, cận nghèo. Chưa có nhà hoặc nhà tạm: xây mới; nhà dột nát: sửa chữa. Mỗi hộ chỉ được hỗ trợ một lần,
  theo chương trình có lợi nhất.

  Tình huống: Năm 2023: hộ nghèo ở huyện nghèo Mường Tè có nhà tạm được 40.000.000 đồng; hộ cận nghèo ở Than Uyên thì không
    Cho ngày xét là 01/06/2023
    Và hộ "A" ở xã "Bum Tở" có:
      | Huyện            | Mường Tè  |
      | Khu vực          | Nông thôn |
      | Phân loại hộ     | Hộ nghèo  |
      | Tình trạng nhà ở | Nhà tạm   |
      | Đã hỗ trợ nhà ở  | không     |
    Và thành viên "A1" sinh ngày 01/05/1980
    Và hộ "B" ở xã "Mường Kim" có:
      | Huyện            | Than Uyên    |
      | Khu vực          | Nông thôn    |
      | Phân loại hộ     | Hộ cận nghèo |
      | Tình trạng nhà ở | Nhà tạm      |
    Và thành viên "B1" sinh ngày 01/05/1980
    Và hộ "C" ở xã "Bum Tở" giống hộ "A" nhưng có:
      | Tình trạng nhà ở | Nhà dột nát |
    Và thành viên "C1" sinh ngày 01/05/1980
    Khi xét duyệt các hộ
    Thì "A" đủ điều kiện hưởng "poor_household_housing_support" với mức 40.000.000
    Và "A" hưởng "poor_household_housing_support" theo quy định "housing_ntp_new_build"
    Và "A" thuộc diện "bỏ sót" với "poor_household_housing_support"
    Và "B" không đủ điều kiện hưởng "poor_household_housing_support"
    Và "C" đủ điều kiện hưởng "poor_household_housing_support" với mức 20.000.000
    Và "C" hưởng "poor_household_housing_support" theo quy định "housing_ntp_repair"

  @threshold
  Khung tình huống: Phong trào xóa nhà tạm (05/10/2024 – 31/10/2025), xét ngày <ngày xét>
    Cho ngày xét là <ngày xét>
    Và hộ "A" ở xã "Mường Kim" có:
      | Huyện            | Than Uyên    |
      | Khu vực          | Nông thôn    |
      | Xã nghèo         | không        |
      | Phân loại hộ     | Hộ cận nghèo |
      | Tình trạng nhà ở | Nhà tạm      |
    Và thành viên "A1" sinh ngày 01/05/1980
    Và hộ "B" ở xã "Bum Tở" có:
      | Huyện            | Mường Tè    |
      | Khu vực          | Nông thôn   |
      | Xã nghèo         | có          |
      | Phân loại hộ     | Hộ nghèo    |
      | Tình trạng nhà ở | Nhà dột nát |
    Và thành viên "B1" sinh ngày 01/05/1980
    Khi xét duyệt các hộ
    Thì kết quả xét "poor_household_housing_support" của "A" là "<hộ A>"
    Và "B" đủ điều kiện hưởng "poor_household_housing_support" với mức <mức hộ B>

    Dữ liệu: hộ A (cận nghèo, không ở huyện/xã nghèo) chỉ được hỗ trợ trong phong trào; hộ B sửa nhà: 20 triệu (MTQG) hoặc 30 triệu (phong trào)
      | ngày xét   | hộ A               | mức hộ B   |
      | 04/10/2024 | không đủ điều kiện | 20.000.000 |
      | 05/10/2024 | đủ điều kiện       | 30.000.000 |
      | 31/10/2025 | đủ điều kiện       | 30.000.000 |
      | 01/11/2025 | không đủ điều kiện | 20.000.000 |

  @threshold
  Tình huống: Chương trình MTQG 2021–2025 kết thúc ngày 31/12/2025 (sau đó chưa có quy định trong bộ quy định)
    Cho ngày xét là 31/12/2025
    Và hộ "H1" ở xã "Bum Tở" có:
      | Huyện            | Mường Tè    |
      | Khu vực          | Nông thôn   |
      | Xã nghèo         | có          |
      | Phân loại hộ     | Hộ nghèo    |
      | Tình trạng nhà ở | Chưa có nhà |
    Và thành viên "P1" sinh ngày 01/05/1980
    Khi xét duyệt hộ vào ngày 31/12/2025
    Thì "H1" đủ điều kiện hưởng "poor_household_housing_support" với mức 40.000.000
    Khi xét duyệt hộ vào ngày 01/01/2026
    Thì kết quả xét "poor_household_housing_support" của "H1" là "chưa xác định"

  Tình huống: Hộ không nghèo có nhà tạm, hoặc hộ nghèo có nhà kiên cố, không được hỗ trợ
    Cho ngày xét là 01/03/2025
    Và hộ "A" ở xã "Bum Tở" có:
      | Huyện            | Mường Tè  |
      | Khu vực          | Nông thôn |
      | Phân loại hộ     | Không     |
      | Tình trạng nhà ở | Nhà tạm   |
    Và thành viên "A1" sinh ngày 01/05/1980
    Và hộ "B" ở xã "Bum Tở" giống hộ "A" nhưng có:
      | Phân loại hộ     | Hộ nghèo            |
      | Tình trạng nhà ở | Kiên cố/bán kiên cố |
    Và thành viên "B1" sinh ngày 01/05/1980
    Khi xét duyệt các hộ
    Thì "A" không đủ điều kiện hưởng "poor_household_housing_support"
    Và "B" không đủ điều kiện hưởng "poor_household_housing_support"

  @threshold
  Tình huống: Mỗi hộ chỉ được hỗ trợ một căn nhà: hộ nghèo có thân nhân liệt sĩ được hỗ trợ theo chính sách người có công, không tính hai lần
    Cho ngày xét là 01/06/2023
    Và hộ "A" ở xã "Bum Tở" có:
      | Huyện              | Mường Tè  |
      | Khu vực            | Nông thôn |
      | Phân loại hộ       | Hộ nghèo  |
      | Tình trạng nhà ở   | Nhà tạm   |
    Và các thành viên:
      | Mã người | Ngày sinh  | Diện người có công | Quan hệ với liệt sĩ | Số liệt sĩ |
      | A1       | 01/01/1945 | Thân nhân liệt sĩ  | Cha/mẹ              | 1          |
      | A2       | 01/01/1980 | Không              |                     |            |
    Và hộ "B" ở xã "Bum Tở" có:
      | Huyện              | Mường Tè  |
      | Khu vực            | Nông thôn |
      | Phân loại hộ       | Hộ nghèo  |
      | Tình trạng nhà ở   | Nhà tạm   |
    Và các thành viên:
      | Mã người | Ngày sinh  | Diện người có công |
      | B1       | 01/01/1945 | Không              |
      | B2       | 01/01/1980 | Không              |
    Khi xét duyệt các hộ
    Thì "A" đủ điều kiện hưởng "merit_housing_support" với mức 40.000.000
    Và "A" không đủ điều kiện hưởng "poor_household_housing_support"
    Và "B" không đủ điều kiện hưởng "merit_housing_support"
    Và "B" đủ điều kiện hưởng "poor_household_housing_support" với mức 40.000.000
