#include "onestop/api/error_catalog.hpp"

#include <array>
#include <utility>

namespace onestop::api {
namespace {

struct Row {
  Reason reason;
  ReasonInfo info;
};

// Codes are part of the API: never renumber, only append.
constexpr std::array kCatalog{
    Row{Reason::Internal,
        {1000, false, "Lỗi nội bộ của phần mềm một cửa. Vui lòng báo cho bộ phận kỹ thuật.",
         "Internal error in the onestop service. Please report it to technical support."}},
    Row{Reason::InvalidState,
        {1001, true, "Thao tác không hợp lệ ở bước hiện tại.",
         "The operation is not valid at this step."}},
    Row{Reason::ValidationFailed,
        {1002, false, "Dữ liệu gửi lên không hợp lệ.", "The submitted data is not valid."}},
    Row{Reason::UnsupportedApiVersion,
        {1003, false, "Phiên bản giao diện lập trình không được hỗ trợ.",
         "None of the requested API versions is supported."}},
    Row{Reason::NotSupported,
        {1004, false, "Thiết bị hoặc dịch vụ không hỗ trợ thao tác này.",
         "The device or service does not support this operation."}},
    Row{Reason::OriginForbidden,
        {1005, false, "Trang web này không được phép kết nối tới phần mềm một cửa.",
         "This web page is not allowed to connect to the onestop service."}},
    Row{Reason::PermissionDenied,
        {1006, false, "Trang web này không có quyền thực hiện thao tác này.",
         "This web page is not permitted to perform this operation."}},
    Row{Reason::TooManyRequests,
        {1007, true, "Quá nhiều yêu cầu cùng lúc. Vui lòng thử lại.",
         "Too many requests at once. Please try again."}},
    Row{Reason::DeviceNotFound, {1008, false, "Không tìm thấy thiết bị.", "Device not found."}},
    Row{Reason::NoReader,
        {1009, true, "Chưa kết nối đầu đọc thẻ. Cắm đầu đọc rồi thử lại.",
         "No card reader is connected. Plug in a reader and try again."}},
    Row{Reason::NoCard,
        {1010, true, "Chưa có thẻ trên đầu đọc. Đặt thẻ lên đầu đọc.",
         "No card on the reader. Place the card on the reader."}},
    Row{Reason::CardRemoved,
        {1011, true, "Thẻ bị rút ra khi đang đọc — đặt lại thẻ.",
         "The card was removed during the read — place it again."}},
    Row{Reason::DeviceBusy,
        {1012, true, "Thiết bị đang bận. Vui lòng chờ rồi thử lại.",
         "The device is busy. Please wait and try again."}},
    Row{Reason::Timeout,
        {1013, true, "Thiết bị không phản hồi kịp thời.", "The device did not respond in time."}},
    Row{Reason::Cancelled, {1014, false, "Thao tác đã bị hủy.", "The operation was cancelled."}},
    Row{Reason::IoError,
        {1015, true, "Lỗi giao tiếp với thiết bị.", "Communication with the device failed."}},
    Row{Reason::ScannerJammed,
        {1016, true, "Máy quét bị kẹt giấy. Gỡ giấy kẹt rồi thử lại.",
         "The scanner is jammed. Clear the paper and try again."}},
    Row{Reason::CoverOpen,
        {1017, true, "Nắp máy quét đang mở. Đóng nắp rồi thử lại.",
         "The scanner cover is open. Close it and try again."}},
    Row{Reason::NoDocuments,
        {1018, true, "Không có giấy trong khay nạp. Đặt tài liệu vào khay.",
         "No documents in the feeder. Load the documents."}},
    Row{Reason::PluginFailed,
        {1019, true, "Trình điều khiển thiết bị gặp lỗi.", "The device plugin failed."}},
    Row{Reason::PluginNotFound,
        {1020, false, "Không tìm thấy trình điều khiển (plugin).", "Plugin not found."}},
    Row{Reason::AccessKeyRejected,
        {1021, true, "Thẻ từ chối khóa truy cập. Kiểm tra lại số CCCD hoặc dòng MRZ.",
         "The card rejected the access key. Check the ID number or the MRZ."}},
    Row{Reason::CardNotGenuine,
        {1022, false, "Thẻ không vượt qua kiểm tra xác thực.",
         "The card failed the authenticity checks."}},
    Row{Reason::BlobNotFound,
        {1023, false, "Không tìm thấy dữ liệu hoặc dữ liệu đã hết hạn.",
         "The data was not found or has expired."}},
    Row{Reason::ScriptError,
        {1024, false, "Lỗi trong kịch bản thủ tục.", "Error in the procedure script."}},
    Row{Reason::ScriptLimit,
        {1025, false, "Kịch bản thủ tục vượt quá giới hạn cho phép.",
         "The procedure script exceeded its limits."}},
    Row{Reason::ReaderAmbiguous,
        {1026, true, "Có thẻ trên nhiều đầu đọc. Vui lòng chọn đầu đọc cần dùng.",
         "Cards are on several readers. Please choose the reader to use."}},
    Row{Reason::StorageFailed,
        {1027, true, "Không ghi được dữ liệu vào kho lưu trữ. Vui lòng báo cho bộ phận kỹ thuật.",
         "The data could not be written to storage. Please report it to technical support."}},
    Row{Reason::QrNotFound,
        {1028, true,
         "Không tìm thấy mã QR trong ảnh. Đặt thẻ ngay ngắn, mặt có mã QR úp xuống, rồi quét lại.",
         "No QR code was found in the image. Place the card straight, QR side down, and scan "
         "again."}},
    Row{Reason::QrNotCccd,
        {1029, false, "Mã QR không phải mã trên thẻ căn cước.",
         "The QR code is not the one printed on an ID card."}},
    Row{Reason::ImageInvalid,
        {1030, false, "Ảnh không đọc được (định dạng không hỗ trợ hoặc tệp bị hỏng).",
         "The image cannot be read (unsupported format or a damaged file)."}},
    Row{Reason::ProcedureNotFound,
        {1031, false, "Không tìm thấy thủ tục hoặc thủ tục chưa được nạp.",
         "The procedure was not found or is not loaded."}},
    Row{Reason::CaseNotFound, {1032, false, "Không tìm thấy hồ sơ.", "The case was not found."}},
    Row{Reason::FormNotFound,
        {1033, false, "Không tìm thấy mẫu biểu.", "The form template was not found."}},
    Row{Reason::PrinterStopped,
        {1034, true,
         "Máy in đang dừng hoặc tạm ngưng. Kiểm tra máy in rồi in lại; hồ sơ vẫn được giữ.",
         "The printer is stopped or paused. Check it and print again; the case is kept."}},
    Row{Reason::PrintFailed,
        {1035, true, "In không thành công. Kiểm tra máy in rồi in lại; hồ sơ vẫn được giữ.",
         "Printing failed. Check the printer and print again; the case is kept."}},
    Row{Reason::JobNotFound,
        {1036, false, "Không tìm thấy lệnh in.", "The print job was not found."}},
};
static_assert(kCatalog.size() == std::size(kAllReasons), "every reason needs a catalog row");

Json errorData(Reason reason, const ReasonInfo& info, const Json& details) {
  Json data{{"reason", std::string(reasonName(reason))},
            {"retriable", info.retriable},
            {"message", {{"vi", info.vi}, {"en", info.en}}}};
  if (!details.is_null()) data["details"] = details;
  return data;
}

}  // namespace

const ReasonInfo& reasonInfo(Reason reason) {
  for (const auto& row : kCatalog) {
    if (row.reason == reason) return row.info;
  }
  return kCatalog.front().info;
}

Json applicationError(const Error& error, const Json& details) {
  const auto& info = reasonInfo(error.reason());
  Json merged = details;
  if (!error.detail().empty()) {
    if (merged.is_null()) merged = Json::object();
    if (merged.is_object() && !merged.contains("detail")) merged["detail"] = error.detail();
  }
  return Json{
      {"code", info.code}, {"message", info.en}, {"data", errorData(error.reason(), info, merged)}};
}

Json protocolError(int code, std::string_view message, Reason reason, const Json& details) {
  return Json{{"code", code},
              {"message", message},
              {"data", errorData(reason, reasonInfo(reason), details)}};
}

}  // namespace onestop::api
