import type { FormInput } from "../schema";

/**
 * Tổng kết CCHC 2011-2020, commune (xã) variant.
 * Source: 002_08936da748c34128.txt — "Báo cáo chuyên đề về cải cách thủ tục hành chính …" of xã
 * Quảng Nhâm (huyện A Lưới, Thừa Thiên Huế), with its only appendix, PHỤ LỤC 3 (lines 181-203).
 */

const SEED = "002_08936da748c34128.txt";

export const forms: FormInput[] = [
  {
    id: "tk2011-2020.xa.pl3",
    version: 1,
    family: "tk2011-2020.xa",
    familyTitle: "Tổng kết CCHC 2011-2020 — cấp xã",
    levels: ["xa"],
    source: { seed: SEED, section: "Phụ lục 3" },
    appendix: "PHỤ LỤC 3",
    title:
      "Đánh giá mức độ thực hiện các mục tiêu cải cách hành chính nhà nước của các ngành, địa phương",
    sttHeader: "STT",
    labelHeader: "Các mục tiêu cải cách",
    columns: [
      {
        id: "danh-gia",
        label: "Đánh giá kết quả đạt được (Đạt/Không đạt)",
        role: "value",
      },
    ],
    rows: [
      {
        id: "tthc-giam-chi-phi",
        stt: "1.",
        label:
          "Thủ tục hành chính liên quan đến cá nhân, tổ chức được cải cách cơ bản theo hướng gọn nhẹ, đơn giản; mỗi năm đều có tỷ lệ giảm chi phí mà cá nhân, tổ chức phải bỏ ra khi giải quyết thủ tục hành chính tại cơ quan hành chính nhà nước",
        kind: "status",
      },
      {
        id: "hai-long-tthc",
        stt: "2.",
        label:
          "Thủ tục hành chính được cải cách cơ bản, mức độ hài lòng của nhân dân và doanh nghiệp về thủ tục hành chính đạt mức trên 80% vào năm 2020",
        kind: "status",
      },
      {
        id: "sap-xep-to-chuc",
        stt: "3.",
        label:
          "Sắp xếp, tổ chức lại các cơ quan, đơn vị để không còn sự chồng chéo, bỏ trống hoặc trùng lặp về chức năng, nhiệm vụ, quyền hạn",
        kind: "status",
        note: "Prints \"trùng lặp\"; the district variant (seed 000, Phụ lục 8) prints \"trùng lắp\". Kept as printed here.",
      },
      {
        id: "chuyen-giao-xa-hoi",
        stt: "4.",
        label:
          "Chuyển giao những công việc mà cơ quan hành chính nhà nước không nên làm hoặc làm hiệu quả thấp cho xã hội, các tổ chức xã hội, tổ chức phi chính phủ đảm nhận",
        kind: "status",
      },
      {
        id: "hai-long-hanh-chinh",
        stt: "5.",
        label:
          "Sự hài lòng của cá nhân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước đạt mức trên 80% vào năm 2020",
        kind: "status",
      },
      {
        id: "hai-long-su-nghiep-cong",
        stt: "6.",
        label:
          "Sự hài lòng của cá nhân đối với dịch vụ do đơn vị sự nghiệp công cung cấp trong các lĩnh vực giáo dục, y tế đạt mức trên 80% vào năm 2020",
        kind: "status",
      },
      {
        id: "doi-ngu-cong-chuc",
        stt: "7.",
        label:
          "Đội ngũ công chức, viên chức có số lượng, cơ cấu hợp lý, đủ trình độ và năng lực thi hành công vụ, phục vụ nhân dân và phục vụ sự nghiệp phát triển của đất nước; 100% các cơ quan, đơn vị có cơ cấu công chức theo vị trí việc làm",
        kind: "status",
      },
      {
        id: "van-ban-dien-tu-2020",
        stt: "8.",
        label:
          "Đến năm 2020: 90% các văn bản, tài liệu chính thức trao đổi giữa các cơ quan hành chính nhà nước được thực hiện dưới dạng điện tử; cán bộ, công chức, viên chức thường xuyên sử dụng hệ thống thư điện tử trong công việc; bảo đảm dữ liệu điện tử phục vụ hầu hết các hoạt động trong các cơ quan; hầu hết các giao dịch của các cơ quan hành chính nhà nước được thực hiện trên môi trường điện tử, mọi lúc, mọi nơi, dựa trên các ứng dụng truyền thông đa phương tiện; hầu hết các dịch vụ công được cung cấp trực tuyến trên Mạng thông tin điện tử hành chính ở mức độ 3 và 4, đáp ứng nhu cầu thực tế, phục vụ người dân và doanh nghiệp mọi lúc, mọi nơi, dựa trên nhiều phương tiện khác nhau",
        kind: "status",
      },
      {
        id: "ket-noi-cong-ttdt",
        stt: "9.",
        label:
          "Các trang tin, cổng thông tin điện tử hoàn thành việc kết nối với Cổng Thông tin điện tử Chính phủ, hình thành đầy đủ Mạng thông tin điện tử hành chính trên Internet",
        kind: "status",
        note: "National wording (connection to the Government portal); the district variant (seed 000) adapts it to \"Trang thông tin điện tử huyện … Cổng Thông tin điện tử của tỉnh\". The commune form keeps the national wording; kept as printed.",
      },
      {
        id: "dinh-danh-dien-tu",
        stt: "10.",
        label:
          "20% số lượng người dân và doanh nghiệp tham gia hệ thống thông tin Chính quyền điện tử được xác thực định danh điện tử thông suốt và hợp nhất trên tất cả các hệ thống thông tin của các cơ quan",
        kind: "status",
        note: "First row after the repeated header (line 196): the table continues across a page break, numbering 10-16 follows 1-9.",
      },
      {
        id: "ho-so-truc-tuyen",
        stt: "11.",
        label:
          "Tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số hồ sơ giải quyết thủ tục hành chính của từng bộ, ngành đạt từ 20% trở lên; tích hợp 30% các dịch vụ công trực tuyến mức độ 3, 4 của các bộ, ngành, địa phương với Cổng Dịch vụ công quốc gia; 100% hồ sơ giải quyết thủ tục hành chính được thực hiện thông qua Hệ thống thông tin một cửa điện tử",
        kind: "status",
        note: "National wording (\"của từng bộ, ngành\", integration with the national DVC portal), longer than the district variant; kept as printed.",
      },
      {
        id: "dvc-muc-do-4",
        stt: "12.",
        label:
          "Tối thiểu 30% dịch vụ công trực tuyến thực hiện ở mức độ 4; 50% Cổng Dịch vụ công cấp tỉnh cung cấp giao diện cho các thiết bị di động; 100% dịch vụ công được hỗ trợ giải đáp thắc mắc cho người dân, doanh nghiệp; 50% cơ quan nhà nước công khai mức độ hài lòng của người dân khi sử dụng dịch vụ công trực tuyến; 100% Cổng Thông tin điện tử công khai thông tin đầy đủ theo quy định tại Nghị định số 43/2011/NĐ-CP ngày 13 tháng 6 năm 2011 của Chính phủ; 20% dịch vụ công trực tuyến sử dụng chữ ký số trên nền tảng di động để thực hiện thủ tục hành chính; 50% dịch vụ công trực tuyến xử lý bằng hồ sơ điện tử; 20% thông tin của người dân được tự động nhập vào biểu mẫu trực tuyến; 50% dịch vụ công trực tuyến sử dụng dữ liệu từ Cơ sở dữ liệu quốc gia về Đăng ký doanh nghiệp.",
        kind: "status",
        note: "National wording, includes a provincial-portal target (\"50% Cổng Dịch vụ công cấp tỉnh\") a commune cannot meet on its own; kept as printed, rated as a whole.",
      },
      {
        id: "lien-thong-van-ban",
        stt: "13.",
        label:
          "100% phần mềm quản lý văn bản và điều hành của các bộ, ngành được kết nối, liên thông qua Trục liên thông văn bản quốc gia phục vụ gửi, nhận văn bản điện tử; 90% văn bản trao đổi giữa các cơ quan nhà nước (trừ văn bản mật theo quy định của pháp luật) dưới dạng điện tử; tối thiểu 80% hồ sơ công việc tại cấp bộ, cấp tỉnh, 60% hồ sơ công việc tại cấp huyện và 30% hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng (không bao gồm hồ sơ xử lý công việc có nội dung mật).",
        kind: "status",
        note: "The commune-relevant part of this goal is \"30% hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng\"; the row is still rated as a whole, as printed.",
      },
      {
        id: "bao-cao-dinh-ky",
        stt: "14.",
        label:
          "Tối thiểu 30% báo cáo định kỳ (không bao gồm nội dung mật) được gửi, nhận qua Hệ thống thông tin báo cáo quốc gia.",
        kind: "status",
      },
      {
        id: "hop-khong-giay",
        stt: "15.",
        label:
          "Rút ngắn từ 30% - 50% thời gian họp, giảm tối đa việc sử dụng tài liệu giấy thông qua Hệ thống thông tin phục vụ họp và xử lý công việc, văn phòng điện tử.",
        kind: "status",
      },
      {
        id: "mang-truyen-so-lieu",
        stt: "16.",
        label:
          "100% cơ quan kết nối vào Mạng truyền số liệu chuyên dùng của các cơ quan Đảng, Nhà nước.",
        kind: "status",
      },
    ],
    notes: [
      "One table, not two: the header row \"STT | Các mục tiêu cải cách | Đánh giá kết quả đạt được (Đạt/Không đạt)\" is printed at line 185 and again at line 196 because the table breaks across a page; there is no second title and the numbering runs on (1-9 then 10-16). Modelled as one form of 16 rows.",
      "STT is printed with a trailing dot (\"1.\" … \"16.\"), unlike the district variant (seed 000, Phụ lục 8: \"1\" … \"16\"). Kept as printed.",
      "No \"(Kèm theo …)\" line is printed under the title: the appendix belongs to the commune's thematic report itself (Báo cáo chuyên đề, xã Quảng Nhâm, huyện A Lưới), whose number and date do not appear in the extraction. attachedTo is therefore omitted rather than invented.",
      "The title ends with \"của các ngành, địa phương\", which neither the district variant (seed 000, upper case) nor the province variant (seed 001) prints. Kept as printed.",
      "The form has no \"Ghi chú\" column; none is added.",
      "The 16 goals are the national goals of Nghị quyết 30c/NQ-CP (as amended), printed with national wording (bộ, ngành, Cổng Dịch vụ công cấp tỉnh); a commune rates each goal as a whole. Every row is expected (required by default); rollup is the default for status (count of Đạt over communes).",
    ],
  },
];
