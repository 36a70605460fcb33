# language: vi
@education
Tính năng: Hỗ trợ học sinh bán trú ở xã, thôn đặc biệt khó khăn
  Nghị định 116/2016 (01/9/2016 – 30/4/2025): tiền ăn 40% lương cơ sở/tháng, tiền nhà ở (nếu tự túc chỗ ở) 10% lương
  cơ sở/tháng, gạo 15 kg/tháng, tối đa 9 tháng/năm học. Nghị định 66/2025 (từ 01/5/2025): tiền ăn 936.000 đồng,
  tiền nhà ở 360.000 đồng, gạo 15 kg/tháng. Điều kiện: nhà ở xã khu vực III / thôn ĐBKK và xa trường: tiểu học từ
  4 km, THCS từ 7 km, THPT từ 10 km, hoặc địa hình cách trở; học sinh THPT người Kinh phải thuộc hộ nghèo.

  @E14
  Tình huống: E14 – học sinh THCS người Hà Nhì, nhà ở thôn ĐBKK của Phong Thổ, cách trường 8 km
    Cho ngày xét là 01/10/2023
    Và hộ "H1" ở xã "Sì Lở Lầu" có:
      | Huyện        | Phong Thổ |
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
      | ĐBKK         | có        |
    Và các thành viên:
      | Mã người | Ngày sinh  | Dân tộc | Cấp học | Bán trú | Khoảng cách đến trường (km) | Địa hình cách trở | Hỗ trợ bán trú |
      | P1       | 20/05/2011 | Hà Nhì  | THCS    | có      | 8                           | không             | có             |
    Khi xét duyệt hộ vào ngày 01/10/2023
    Thì "P1" đủ điều kiện hưởng "boarding_food_support" với mức 720.000
    Và "P1" hưởng "boarding_food_support" theo quy định "boarding_food_d116"
    Và "P1" thuộc diện "đã hưởng" với "boarding_food_support"
    Và "P1" đủ điều kiện hưởng "boarding_lodging_support" với mức 180.000
    Và "P1" đủ điều kiện hưởng "boarding_rice_support" với mức 15
    Khi xét duyệt hộ vào ngày 01/10/2024
    Thì "P1" đủ điều kiện hưởng "boarding_food_support" với mức 936.000
    Và "P1" đủ điều kiện hưởng "boarding_lodging_support" với mức 234.000
    Khi xét duyệt hộ vào ngày 01/05/2025
    Thì "P1" đủ điều kiện hưởng "boarding_food_support" với mức 936.000
    Và "P1" hưởng "boarding_food_support" theo quy định "boarding_food_d66"
    Và "P1" đủ điều kiện hưởng "boarding_lodging_support" với mức 360.000
    Và "P1" đủ điều kiện hưởng "boarding_rice_support" với mức 15

  @E14 @threshold
  Khung tình huống: Đổi mức theo ngày (học sinh E14): ngày <ngày xét> tiền ăn <tiền ăn>, tiền nhà ở <nhà ở>
    Cho ngày xét là <ngày xét>
    Và hộ "H1" ở xã "Sì Lở Lầu" có:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
      | ĐBKK         | có        |
    Và các thành viên:
      | Mã người | Ngày sinh  | Dân tộc | Cấp học | Bán trú | Khoảng cách đến trường (km) | Địa hình cách trở |
      | P1       | 20/05/2011 | Hà Nhì  | THCS    | có      | 8                           | không             |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "boarding_food_support" với mức <tiền ăn>
    Và "P1" đủ điều kiện hưởng "boarding_lodging_support" với mức <nhà ở>

    Dữ liệu: lương cơ sở 1.800.000 → 2.340.000 ngày 01/7/2024; Nghị định 66/2025 từ 01/5/2025
      | ngày xét   | tiền ăn | nhà ở   |
      | 30/06/2024 | 720.000 | 180.000 |
      | 01/07/2024 | 936.000 | 234.000 |
      | 30/04/2025 | 936.000 | 234.000 |
      | 01/05/2025 | 936.000 | 360.000 |

  @E14 @threshold
  Tình huống: E14 – ngưỡng khoảng cách theo cấp học và ngoại lệ địa hình cách trở
    Cho ngày xét là 01/10/2023
    Và hộ "H1" ở xã "Sì Lở Lầu" có:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
      | ĐBKK         | có        |
    Và các thành viên:
      | Mã người | Ngày sinh  | Dân tộc | Cấp học  | Bán trú | Khoảng cách đến trường (km) | Địa hình cách trở |
      | T1       | 20/05/2015 | Hà Nhì  | Tiểu học | có      | 4                           | không             |
      | T2       | 20/05/2016 | Hà Nhì  | Tiểu học | có      | 3,9                         | không             |
      | C1       | 20/05/2011 | Hà Nhì  | THCS     | có      | 7                           | không             |
      | C2       | 20/05/2011 | Hà Nhì  | THCS     | có      | 6,9                         | không             |
      | C3       | 20/05/2012 | Hà Nhì  | THCS     | có      | 6,5                         | không             |
      | C4       | 20/05/2012 | Hà Nhì  | THCS     | có      | 6,5                         | có                |
      | U1       | 20/05/2008 | Hà Nhì  | THPT     | có      | 10                          | không             |
      | U2       | 20/05/2008 | Hà Nhì  | THPT     | có      | 9,9                         | không             |
    Khi xét duyệt hộ
    Thì "T1" đủ điều kiện hưởng "boarding_food_support" với mức 720.000
    Và "T2" không đủ điều kiện hưởng "boarding_food_support"
    Và "C1" đủ điều kiện hưởng "boarding_food_support" với mức 720.000
    Và "C2" không đủ điều kiện hưởng "boarding_food_support"
    Và "C3" không đủ điều kiện hưởng "boarding_food_support"
    Và "C3" không đủ điều kiện hưởng "boarding_rice_support"
    Và "C4" đủ điều kiện hưởng "boarding_food_support" với mức 720.000
    Và "U1" đủ điều kiện hưởng "boarding_food_support" với mức 720.000
    Và "U2" không đủ điều kiện hưởng "boarding_food_support"

  Tình huống: Học sinh THPT người Kinh chỉ được hỗ trợ nếu thuộc hộ nghèo; nhà không ở xã/thôn ĐBKK thì không
    Cho ngày xét là 01/10/2023
    Và hộ "A" ở xã "Sì Lở Lầu" có:
      | Khu vực      | Nông thôn    |
      | Phân loại hộ | Hộ cận nghèo |
      | ĐBKK         | có           |
    Và các thành viên:
      | Mã người | Ngày sinh  | Dân tộc | Cấp học | Bán trú | Khoảng cách đến trường (km) |
      | A1       | 20/05/2007 | Kinh    | THPT    | có      | 12                          |
    Và hộ "B" ở xã "Sì Lở Lầu" giống hộ "A" nhưng có:
      | Phân loại hộ | Hộ nghèo |
    Và các thành viên:
      | Mã người | Ngày sinh  | Dân tộc | Cấp học | Bán trú | Khoảng cách đến trường (km) |
      | B1       | 20/05/2007 | Kinh    | THPT    | có      | 12                          |
    Và hộ "C" ở phường "Đông Phong" có:
      | Khu vực      | Thành thị |
      | Phân loại hộ | Không     |
      | ĐBKK         | không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Dân tộc | Cấp học | Bán trú | Khoảng cách đến trường (km) |
      | C1       | 20/05/2011 | Thái    | THCS    | có      | 9                           |
    Khi xét duyệt các hộ
    Thì "A1" không đủ điều kiện hưởng "boarding_food_support"
    Và "B1" đủ điều kiện hưởng "boarding_food_support" với mức 720.000
    Và "C1" không đủ điều kiện hưởng "boarding_food_support"
