#include "onestop/workflows/verdict_messages.hpp"

#include <algorithm>
#include <array>

namespace onestop::workflows {
namespace {

constexpr std::array kMessages{
    VerdictMessage{"SOD_MALFORMED", "Dữ liệu ký số của chip (EF.SOD) bị hỏng hoặc không đọc được.",
                   "The chip's signed data (EF.SOD) is malformed or unreadable."},
    VerdictMessage{"SIGNATURE_INVALID", "Chữ ký số của dữ liệu trên chip không hợp lệ.",
                   "The signature over the chip's data does not verify."},
    VerdictMessage{"CHAIN_UNTRUSTED",
                   "Chứng thư ký số của thẻ không do cơ quan cấp thẻ tin cậy phát hành.",
                   "The card's signing certificate does not chain to a trusted issuer (CSCA)."},
    VerdictMessage{"DS_EXPIRED", "Chứng thư ký số của thẻ đã hết hạn hoặc chưa có hiệu lực.",
                   "The card's signing certificate is expired or not yet valid."},
    VerdictMessage{"HASH_MISMATCH", "Dữ liệu trên chip đã bị thay đổi sau khi được ký.",
                   "Data on the chip was changed after it was signed."},
    VerdictMessage{"AA_FAILED",
                   "Chip không chứng minh được là chip thật (xác thực chủ động thất bại).",
                   "The chip failed to prove it is genuine (Active Authentication failed)."},
    VerdictMessage{"AA_NOT_PERFORMED", "Chưa xác thực chủ động được chip.",
                   "Active Authentication of the chip was not performed."},
    VerdictMessage{"CA_FAILED", "Chip không vượt qua xác thực chip (Chip Authentication).",
                   "The chip failed Chip Authentication."},
    VerdictMessage{"CA_NOT_PERFORMED", "Chưa thực hiện xác thực chip (Chip Authentication).",
                   "Chip Authentication was not performed."},
    VerdictMessage{"DS_REVOKED", "Chứng thư ký số của thẻ đã bị thu hồi.",
                   "The card's signing certificate has been revoked."},
    VerdictMessage{"REVOCATION_UNKNOWN",
                   "Không xác định được tình trạng thu hồi chứng thư (thiếu danh sách thu hồi).",
                   "The revocation status is unknown (no usable revocation list)."},
    VerdictMessage{"ONLINE_REVOKED", "Cơ quan cấp thẻ báo thẻ đã bị thu hồi hoặc báo mất.",
                   "The issuer reports the card as revoked or lost."},
    VerdictMessage{"ONLINE_UNKNOWN", "Cơ quan cấp thẻ không có thông tin về thẻ này.",
                   "The issuer does not know this card."},
    VerdictMessage{"ONLINE_UNAVAILABLE", "Không kết nối được dịch vụ kiểm tra trực tuyến.",
                   "The online verification service did not answer."},
    VerdictMessage{"MRZ_INVALID", "Vùng đọc máy (MRZ) trên chip không hợp lệ.",
                   "The machine-readable zone (MRZ) on the chip is not valid."},
    VerdictMessage{"DG13_INVALID", "Thông tin công dân trên chip (DG13) không đọc được.",
                   "The citizen data on the chip (DG13) cannot be read."},
    VerdictMessage{"CARD_EXPIRED", "Thẻ đã hết hạn sử dụng.", "The card has expired."},
    VerdictMessage{"EXPIRY_UNKNOWN", "Không xác định được ngày hết hạn của thẻ.",
                   "The card's expiry date cannot be determined."},
    VerdictMessage{"ID_NUMBER_INVALID", "Số định danh cá nhân không đúng cấu trúc.",
                   "The personal ID number does not have a valid structure."},
    VerdictMessage{"MRZ_MISMATCH",
                   "Thông tin trong MRZ không khớp với thông tin công dân trên chip.",
                   "The MRZ does not match the citizen data on the chip."},
    VerdictMessage{"QR_MISMATCH", "Thông tin mã QR in trên thẻ không khớp với dữ liệu trên chip.",
                   "The printed QR code does not match the data on the chip."},
    VerdictMessage{"CHALLENGE_MISMATCH", "Bằng chứng không gắn với mã thử thách của máy chủ.",
                   "The evidence is not bound to the server's challenge."},
    VerdictMessage{"ORIGIN_MISMATCH", "Bằng chứng được tạo cho một trang web khác.",
                   "The evidence was made for another web origin."},
    VerdictMessage{"NOT_BOUND", "Bằng chứng không được chip ký gắn với yêu cầu này.",
                   "The chip did not sign a value bound to this request."},
    VerdictMessage{"BINDING_MISMATCH",
                   "Chữ ký của chip không gắn với mã thử thách và trang web này.",
                   "The chip's signature is not bound to this challenge and origin."},
};

constexpr VerdictMessage kGeneric{"", "Kiểm tra không đạt.", "The check failed."};

}  // namespace

VerdictMessage verdictMessage(std::string_view reason) {
  const auto it = std::find_if(kMessages.begin(), kMessages.end(),
                               [&](const VerdictMessage& m) { return m.reason == reason; });
  return it == kMessages.end() ? kGeneric : *it;
}

std::span<const VerdictMessage> verdictMessages() {
  return kMessages;
}

}  // namespace onestop::workflows
