// Every user-visible string of the console, in Vietnamese (default) and English, and the small
// machinery to apply them. index.html marks text with data-i18n="key" and attributes with
// data-i18n-attr="attr:key;attr2:key2". The choice is remembered in localStorage.
// Both tables must have exactly the same keys (tests/node/console.test.mjs checks it). The scan
// and QR strings live in strings-scan.js, the procedure wizard's in strings-procedures.js; both are
// merged in below.

import { SCAN_STRINGS } from './strings-scan.js';
import { PROCEDURE_STRINGS } from './strings-procedures.js';

export const LANGS = ['vi', 'en'];
export const DEFAULT_LANG = 'vi';
const STORAGE_KEY = 'onestop.console.lang';

export const STRINGS = {
  vi: {
    'page.title': 'onestop — Bảng điều khiển',
    'skip': 'Bỏ qua, đến nội dung chính',
    'app.tagline': 'Bảng điều khiển dịch vụ thiết bị tại quầy một cửa',
    'lang.label': 'Ngôn ngữ',
    'tabs.label': 'Các mục của bảng điều khiển',
    'tab.overview': 'Tổng quan',
    'tab.read': 'Đọc CCCD',
    'tab.devices': 'Thiết bị',
    'tab.plugins': 'Plugin',
    'tab.explorer': 'Khám phá API',
    'footer.text': 'Dịch vụ onestopd chạy trên chính máy này và chỉ nhận kết nối từ máy này.',

    'conn.connecting': 'Đang kết nối…',
    'conn.open': 'Đã kết nối',
    'conn.closed': 'Mất kết nối',
    'conn.retryIn': 'Tự động thử lại sau {seconds} giây.',
    'conn.incompatible': 'Dịch vụ không hỗ trợ phiên bản API của bảng điều khiển này.',
    'conn.helloFailed': 'Dịch vụ từ chối mở phiên làm việc.',

    'overview.title': 'Tổng quan',
    'overview.connection': 'Kết nối tới dịch vụ',
    'overview.connState': 'Trạng thái',
    'overview.endpoint': 'Địa chỉ',
    'overview.retryNow': 'Thử lại ngay',
    'overview.help': 'Nếu mất kết nối: kiểm tra dịch vụ onestopd đang chạy trên máy này, rồi bấm “Thử lại ngay”.',
    'overview.service': 'Dịch vụ',
    'overview.status': 'Tình trạng',
    'overview.version': 'Phiên bản',
    'overview.api': 'Phiên bản API',
    'overview.platform': 'Nền tảng',
    'overview.uptime': 'Thời gian hoạt động',
    'overview.started': 'Khởi động lúc',
    'overview.checked': 'Kiểm tra lần cuối',
    'overview.plugins': 'Plugin thiết bị',
    'overview.pluginsLoaded': 'Đã nạp',
    'overview.pluginsFailed': 'Nạp lỗi',
    'health.status.ok': 'Hoạt động bình thường',
    'health.status.degraded': 'Hoạt động hạn chế',

    'read.title': 'Đọc CCCD',
    'read.intro': 'Đặt thẻ lên đầu đọc, nhập khóa truy cập rồi bấm “Đọc thẻ”. Dữ liệu chỉ hiển thị trên màn hình này, không được lưu lại.',
    'read.reader': 'Đầu đọc',
    'read.noReaders': 'Chưa có đầu đọc nào được kết nối.',
    'read.readerOption': '{name} — {card}',
    'read.keyMode': 'Khóa truy cập',
    'read.mode.personal': 'Số định danh + ngày sinh',
    'read.mode.can': 'Mã CAN',
    'read.mode.mrz': 'Dòng MRZ',
    'read.mode.qr': 'Mã QR',
    'read.idNumber': 'Số định danh cá nhân (12 chữ số)',
    'read.dob': 'Ngày sinh (dd/mm/yyyy)',
    'read.doe': 'Có giá trị đến (nếu biết)',
    'read.doeHint': 'Để trống: dịch vụ tự suy ra ngày hết hạn từ ngày sinh.',
    'read.can': 'Mã CAN (6 chữ số)',
    'read.canHint': 'Mã CAN dùng được với thẻ Căn cước 2024 và các chip PACE; là 6 chữ số cuối của số định danh. Thẻ CCCD 2021 chỉ có BAC: hãy dùng số định danh + ngày sinh.',
    'read.mrz': 'Ba dòng MRZ ở mặt sau thẻ',
    'read.qr': 'Nội dung mã QR trên thẻ',
    'read.advanced': 'Nâng cao',
    'read.challenge': 'Mã thách thức (challenge)',
    'read.challengeHint': '16–128 ký tự A-Z, a-z, 0-9, _ hoặc -. Để trống: bảng điều khiển tự tạo một mã ngẫu nhiên để chip ký gắn với lần đọc này.',
    'read.start': 'Đọc thẻ',
    'read.cancel': 'Hủy',
    'read.clear': 'Xoá kết quả',
    'read.progress': 'Tiến trình',
    'read.result': 'Thông tin trên chip',
    'read.unverified': 'Chưa xác minh',
    'read.verdict': 'Kết quả xác minh',
    'read.missing.idNumber': 'Hãy nhập số định danh cá nhân (12 chữ số).',
    'read.missing.dob': 'Hãy nhập ngày sinh theo dạng dd/mm/yyyy.',
    'read.missing.can': 'Hãy nhập mã CAN (6 chữ số).',
    'read.missing.mrz': 'Hãy nhập ba dòng MRZ.',
    'read.missing.qr': 'Hãy nhập nội dung mã QR.',
    'read.state.idle': 'Chưa đọc thẻ.',
    'read.state.starting': 'Đang bắt đầu…',
    'read.state.waitingForCard': 'Đang chờ đặt thẻ lên đầu đọc…',
    'read.state.readingCardAccess': 'Đang đọc thông tin truy cập của chip…',
    'read.state.selecting': 'Đang chọn ứng dụng trên chip…',
    'read.state.authenticating': 'Đang xác thực khóa truy cập…',
    'read.state.reading': 'Đang đọc {file} (tệp {file_no}/{count}, {bytes}/{total} byte)',
    'read.state.chipAuthentication': 'Đang xác thực chip (Chip Authentication)…',
    'read.state.activeAuthentication': 'Đang kiểm tra chống sao chép chip (Active Authentication)…',
    'read.state.passiveAuthentication': 'Đang kiểm tra chữ ký dữ liệu (Passive Authentication)…',
    'read.state.done': 'Đã đọc xong.',
    'read.state.failed': 'Không đọc được thẻ.',
    'read.state.cancelling': 'Đang hủy…',
    'read.photoAlt': 'Ảnh chân dung lưu trên chip',
    'read.photoCaption': 'Ảnh trên chip · {width}×{height} · {format}',
    'read.noPhoto': 'Chưa có ảnh.',
    'read.meta': 'Xác thực {method} · {apdus} lệnh APDU · {ms} ms',
    'read.field.idNumber': 'Số định danh cá nhân',
    'read.field.fullName': 'Họ, chữ đệm và tên',
    'read.field.dateOfBirth': 'Ngày sinh',
    'read.field.sex': 'Giới tính',
    'read.field.nationality': 'Quốc tịch',
    'read.field.ethnicity': 'Dân tộc',
    'read.field.religion': 'Tôn giáo',
    'read.field.placeOfOrigin': 'Quê quán',
    'read.field.placeOfOrigin2024': 'Nơi đăng ký khai sinh',
    'read.field.placeOfResidence': 'Nơi thường trú',
    'read.field.placeOfResidence2024': 'Nơi cư trú',
    'read.field.identifyingMarks': 'Đặc điểm nhận dạng',
    'read.field.dateOfIssue': 'Ngày cấp',
    'read.field.expiry': 'Có giá trị đến',
    'read.field.father': 'Họ tên cha',
    'read.field.mother': 'Họ tên mẹ',
    'read.field.spouse': 'Họ tên vợ/chồng',
    'read.field.oldIdNumber': 'Số CMND cũ',
    'read.field.cardGeneration': 'Loại thẻ',
    'read.sex.M': 'Nam',
    'read.sex.F': 'Nữ',
    'read.noExpiry': 'Không thời hạn',
    'read.generation.CCCD_2021': 'Căn cước công dân gắn chip (2021)',
    'read.generation.CAN_CUOC_2024': 'Thẻ căn cước (2024)',
    'read.generation.UNKNOWN': 'Không xác định',
    'read.empty': '—',
    'read.group.genuine': 'Chip thật',
    'read.group.notRevoked': 'Chưa bị thu hồi',
    'read.group.valid': 'Còn hiệu lực',
    'read.group.consistent': 'Dữ liệu khớp',
    'read.group.bound': 'Gắn với yêu cầu',
    'read.passed': 'Đạt',
    'read.failed': 'Không đạt',
    'read.unchecked': 'Chưa kiểm tra',
    'read.problems': 'Lưu ý khi đọc: {list}',

    'devices.title': 'Thiết bị',
    'devices.intro': 'Danh sách tự cập nhật khi thiết bị được cắm, rút hoặc khi thẻ được đặt, rút khỏi đầu đọc.',
    'devices.caption': 'Các thiết bị đang kết nối',
    'devices.refresh': 'Làm mới',
    'devices.empty': 'Chưa có thiết bị nào.',
    'devices.col.name': 'Tên thiết bị',
    'devices.col.id': 'Mã',
    'devices.col.kind': 'Loại',
    'devices.col.card': 'Thẻ',
    'devices.col.actions': 'Thao tác',
    'devices.kind.reader': 'Đầu đọc thẻ',
    'devices.kind.scanner': 'Máy quét',
    'devices.kind.printer': 'Máy in',
    'devices.simulated': 'mô phỏng',
    'devices.card.present': 'Có thẻ',
    'devices.card.absent': 'Không có thẻ',
    'devices.card.na': '—',
    'devices.insert': 'Đặt thẻ',
    'devices.remove': 'Rút thẻ',
    'devices.insert.label': 'Đặt thẻ vào {name}',
    'devices.remove.label': 'Rút thẻ khỏi {name}',
    'devices.announce.inserted': 'Đã đặt thẻ vào {name}.',
    'devices.announce.removed': 'Đã rút thẻ khỏi {name}.',
    'devices.announce.added': 'Đã kết nối thiết bị {name}.',
    'devices.announce.removedDevice': 'Đã ngắt thiết bị {name}.',

    'plugins.title': 'Plugin thiết bị',
    'plugins.intro': 'Các plugin được nạp khi dịch vụ khởi động. Plugin nạp lỗi không làm dừng dịch vụ.',
    'plugins.caption': 'Plugin và trạng thái nạp',
    'plugins.refresh': 'Làm mới',
    'plugins.empty': 'Không có plugin nào.',
    'plugins.summary': '{loaded} plugin đã nạp, {failed} plugin lỗi.',
    'plugins.col.id': 'Plugin',
    'plugins.col.version': 'Phiên bản',
    'plugins.col.vendor': 'Nhà cung cấp',
    'plugins.col.kinds': 'Loại thiết bị',
    'plugins.col.abi': 'ABI',
    'plugins.col.state': 'Trạng thái',
    'plugins.col.reason': 'Lý do lỗi',
    'plugins.state.loaded': 'Đã nạp',
    'plugins.state.failed': 'Lỗi',
    'plugins.reason.BAD_MANIFEST': 'tệp manifest.json không hợp lệ',
    'plugins.reason.LOAD_FAILED': 'không nạp được thư viện',
    'plugins.reason.MISSING_SYMBOL': 'thiếu hàm khởi tạo của plugin',
    'plugins.reason.ABI_MISMATCH': 'phiên bản ABI không tương thích',
    'plugins.reason.ENTRY_FAILED': 'hàm khởi tạo của plugin báo lỗi',
    'plugins.reason.INIT_FAILED': 'plugin không khởi động được',
    'plugins.reason.DUPLICATE_ID': 'trùng mã với một plugin khác',
    'plugins.reason.ID_MISMATCH': 'mã plugin không khớp với manifest',

    'explorer.title': 'Khám phá API',
    'explorer.intro': 'Gọi thử các phương thức JSON-RPC của dịch vụ. Danh sách lấy từ rpc.discover.',
    'explorer.filter': 'Lọc phương thức',
    'explorer.methods': 'Phương thức',
    'explorer.loading': 'Đang tải danh sách phương thức…',
    'explorer.offline': 'Chưa kết nối; danh sách phương thức sẽ hiện khi kết nối được.',
    'explorer.count': '{shown}/{total} phương thức',
    'explorer.placeholder': 'Chọn một phương thức trong danh sách.',
    'explorer.params': 'Tham số',
    'explorer.noParams': 'Phương thức này không có tham số.',
    'explorer.col.name': 'Tên',
    'explorer.col.type': 'Kiểu',
    'explorer.col.required': 'Bắt buộc',
    'explorer.col.description': 'Mô tả',
    'explorer.required': 'Bắt buộc',
    'explorer.optional': 'Tuỳ chọn',
    'explorer.paramsSchema': 'Lược đồ tham số (JSON Schema)',
    'explorer.resultSchema': 'Lược đồ kết quả (JSON Schema)',
    'explorer.editor': 'Tham số gửi đi (JSON)',
    'explorer.editorHint': 'Đã điền sẵn ví dụ theo lược đồ. Nhấn Ctrl+Enter để gọi.',
    'explorer.call': 'Gọi',
    'explorer.reset': 'Điền lại ví dụ',
    'explorer.clear': 'Xoá kết quả',
    'explorer.output': 'Kết quả',
    'explorer.privacy': 'Kết quả có thể chứa dữ liệu công dân: chỉ hiển thị trên màn hình này, không được lưu lại.',
    'explorer.ok': 'Thành công · {ms} ms',
    'explorer.failed': 'Lỗi {code} · {ms} ms',
    'explorer.failedLocal': 'Không gọi được',
    'explorer.badJson': 'JSON không hợp lệ: {detail}',
    'explorer.notObject': 'Tham số phải là một đối tượng {…} hoặc một mảng […].',
    'explorer.error.message': 'Thông báo',
    'explorer.error.reason': 'Mã lý do',
    'explorer.error.retriable': 'Có thể thử lại',
    'explorer.error.message.vi': 'Thông điệp (tiếng Việt)',
    'explorer.error.message.en': 'Thông điệp (tiếng Anh)',
    'explorer.yes': 'Có',
    'explorer.no': 'Không',

    'error.connection': 'Mất kết nối tới dịch vụ trước khi nhận được trả lời. Vui lòng thử lại khi đã kết nối.',
    'error.rpc': 'Dịch vụ báo lỗi {code}: {message}',
    'error.unexpected': 'Đã xảy ra lỗi không mong muốn.',

    'time.days': '{n} ngày',
    'time.hours': '{n} giờ',
    'time.minutes': '{n} phút',
    'time.seconds': '{n} giây',
  },
  en: {
    'page.title': 'onestop — Console',
    'skip': 'Skip to main content',
    'app.tagline': 'Device service console for the one-stop counter',
    'lang.label': 'Language',
    'tabs.label': 'Console sections',
    'tab.overview': 'Overview',
    'tab.read': 'Read ID card',
    'tab.devices': 'Devices',
    'tab.plugins': 'Plugins',
    'tab.explorer': 'API explorer',
    'footer.text': 'The onestopd service runs on this computer and accepts connections from this computer only.',

    'conn.connecting': 'Connecting…',
    'conn.open': 'Connected',
    'conn.closed': 'Disconnected',
    'conn.retryIn': 'Retrying automatically in {seconds} s.',
    'conn.incompatible': 'The service does not support this console’s API version.',
    'conn.helloFailed': 'The service refused to open a session.',

    'overview.title': 'Overview',
    'overview.connection': 'Connection to the service',
    'overview.connState': 'State',
    'overview.endpoint': 'Address',
    'overview.retryNow': 'Retry now',
    'overview.help': 'If disconnected: check that the onestopd service is running on this computer, then press “Retry now”.',
    'overview.service': 'Service',
    'overview.status': 'Health',
    'overview.version': 'Version',
    'overview.api': 'API version',
    'overview.platform': 'Platform',
    'overview.uptime': 'Uptime',
    'overview.started': 'Started at',
    'overview.checked': 'Last checked',
    'overview.plugins': 'Device plugins',
    'overview.pluginsLoaded': 'Loaded',
    'overview.pluginsFailed': 'Failed',
    'health.status.ok': 'Working normally',
    'health.status.degraded': 'Degraded',

    'read.title': 'Read ID card',
    'read.intro': 'Put the card on the reader, type an access key, then press “Read card”. The data is shown on this screen only and never stored.',
    'read.reader': 'Reader',
    'read.noReaders': 'No card reader is connected.',
    'read.readerOption': '{name} — {card}',
    'read.keyMode': 'Access key',
    'read.mode.personal': 'ID number + date of birth',
    'read.mode.can': 'CAN',
    'read.mode.mrz': 'MRZ lines',
    'read.mode.qr': 'QR code',
    'read.idNumber': 'Personal ID number (12 digits)',
    'read.dob': 'Date of birth (dd/mm/yyyy)',
    'read.doe': 'Valid until (if known)',
    'read.doeHint': 'Left empty: the service derives the expiry date from the date of birth.',
    'read.can': 'CAN (6 digits)',
    'read.canHint': 'The CAN works on 2024 ID cards and other PACE chips; it is the last 6 digits of the ID number. 2021 CCCD cards have BAC only: use the ID number + date of birth.',
    'read.mrz': 'The three MRZ lines on the back of the card',
    'read.qr': 'The text of the QR code on the card',
    'read.advanced': 'Advanced',
    'read.challenge': 'Challenge',
    'read.challengeHint': '16–128 characters of A-Z, a-z, 0-9, _ or -. Left empty: the console makes a random one so that the chip signs a value bound to this read.',
    'read.start': 'Read card',
    'read.cancel': 'Cancel',
    'read.clear': 'Clear result',
    'read.progress': 'Progress',
    'read.result': 'Data on the chip',
    'read.unverified': 'Not verified yet',
    'read.verdict': 'Verification',
    'read.missing.idNumber': 'Type the personal ID number (12 digits).',
    'read.missing.dob': 'Type the date of birth as dd/mm/yyyy.',
    'read.missing.can': 'Type the CAN (6 digits).',
    'read.missing.mrz': 'Type the three MRZ lines.',
    'read.missing.qr': 'Type the QR code text.',
    'read.state.idle': 'No card read yet.',
    'read.state.starting': 'Starting…',
    'read.state.waitingForCard': 'Waiting for a card on the reader…',
    'read.state.readingCardAccess': 'Reading the chip’s access information…',
    'read.state.selecting': 'Selecting the chip application…',
    'read.state.authenticating': 'Checking the access key…',
    'read.state.reading': 'Reading {file} (file {file_no}/{count}, {bytes}/{total} bytes)',
    'read.state.chipAuthentication': 'Chip Authentication…',
    'read.state.activeAuthentication': 'Checking the chip is not a clone (Active Authentication)…',
    'read.state.passiveAuthentication': 'Checking the data signature (Passive Authentication)…',
    'read.state.done': 'Read complete.',
    'read.state.failed': 'The card could not be read.',
    'read.state.cancelling': 'Cancelling…',
    'read.photoAlt': 'Portrait photo stored on the chip',
    'read.photoCaption': 'Photo on the chip · {width}×{height} · {format}',
    'read.noPhoto': 'No photo yet.',
    'read.meta': '{method} authentication · {apdus} APDUs · {ms} ms',
    'read.field.idNumber': 'Personal ID number',
    'read.field.fullName': 'Full name',
    'read.field.dateOfBirth': 'Date of birth',
    'read.field.sex': 'Sex',
    'read.field.nationality': 'Nationality',
    'read.field.ethnicity': 'Ethnicity',
    'read.field.religion': 'Religion',
    'read.field.placeOfOrigin': 'Place of origin',
    'read.field.placeOfOrigin2024': 'Place of birth registration',
    'read.field.placeOfResidence': 'Permanent residence',
    'read.field.placeOfResidence2024': 'Place of residence',
    'read.field.identifyingMarks': 'Identifying marks',
    'read.field.dateOfIssue': 'Date of issue',
    'read.field.expiry': 'Valid until',
    'read.field.father': 'Father’s full name',
    'read.field.mother': 'Mother’s full name',
    'read.field.spouse': 'Spouse’s full name',
    'read.field.oldIdNumber': 'Old ID card number',
    'read.field.cardGeneration': 'Card type',
    'read.sex.M': 'Male',
    'read.sex.F': 'Female',
    'read.noExpiry': 'No expiry',
    'read.generation.CCCD_2021': 'Chip-based citizen ID card (2021)',
    'read.generation.CAN_CUOC_2024': 'ID card (2024)',
    'read.generation.UNKNOWN': 'Unknown',
    'read.empty': '—',
    'read.group.genuine': 'Genuine chip',
    'read.group.notRevoked': 'Not revoked',
    'read.group.valid': 'Valid',
    'read.group.consistent': 'Data consistent',
    'read.group.bound': 'Bound to this request',
    'read.passed': 'Passed',
    'read.failed': 'Failed',
    'read.unchecked': 'Not checked',
    'read.problems': 'Notes from the read: {list}',

    'devices.title': 'Devices',
    'devices.intro': 'The list updates by itself when a device is plugged in or out, or a card is put on or taken off a reader.',
    'devices.caption': 'Connected devices',
    'devices.refresh': 'Refresh',
    'devices.empty': 'No devices yet.',
    'devices.col.name': 'Device name',
    'devices.col.id': 'ID',
    'devices.col.kind': 'Kind',
    'devices.col.card': 'Card',
    'devices.col.actions': 'Actions',
    'devices.kind.reader': 'Card reader',
    'devices.kind.scanner': 'Scanner',
    'devices.kind.printer': 'Printer',
    'devices.simulated': 'simulated',
    'devices.card.present': 'Card present',
    'devices.card.absent': 'No card',
    'devices.card.na': '—',
    'devices.insert': 'Insert card',
    'devices.remove': 'Remove card',
    'devices.insert.label': 'Insert a card into {name}',
    'devices.remove.label': 'Remove the card from {name}',
    'devices.announce.inserted': 'Card inserted into {name}.',
    'devices.announce.removed': 'Card removed from {name}.',
    'devices.announce.added': 'Device {name} connected.',
    'devices.announce.removedDevice': 'Device {name} disconnected.',

    'plugins.title': 'Device plugins',
    'plugins.intro': 'Plugins are loaded when the service starts. A plugin that fails to load does not stop the service.',
    'plugins.caption': 'Plugins and their load state',
    'plugins.refresh': 'Refresh',
    'plugins.empty': 'No plugins.',
    'plugins.summary': '{loaded} plugin(s) loaded, {failed} failed.',
    'plugins.col.id': 'Plugin',
    'plugins.col.version': 'Version',
    'plugins.col.vendor': 'Vendor',
    'plugins.col.kinds': 'Device kinds',
    'plugins.col.abi': 'ABI',
    'plugins.col.state': 'State',
    'plugins.col.reason': 'Failure reason',
    'plugins.state.loaded': 'Loaded',
    'plugins.state.failed': 'Failed',
    'plugins.reason.BAD_MANIFEST': 'invalid manifest.json',
    'plugins.reason.LOAD_FAILED': 'the library could not be loaded',
    'plugins.reason.MISSING_SYMBOL': 'the plugin entry point is missing',
    'plugins.reason.ABI_MISMATCH': 'incompatible ABI version',
    'plugins.reason.ENTRY_FAILED': 'the plugin entry point failed',
    'plugins.reason.INIT_FAILED': 'the plugin failed to start',
    'plugins.reason.DUPLICATE_ID': 'another plugin has the same id',
    'plugins.reason.ID_MISMATCH': 'the plugin id does not match its manifest',

    'explorer.title': 'API explorer',
    'explorer.intro': 'Try the service’s JSON-RPC methods. The list comes from rpc.discover.',
    'explorer.filter': 'Filter methods',
    'explorer.methods': 'Methods',
    'explorer.loading': 'Loading the method list…',
    'explorer.offline': 'Not connected; the methods appear once connected.',
    'explorer.count': '{shown}/{total} methods',
    'explorer.placeholder': 'Choose a method from the list.',
    'explorer.params': 'Parameters',
    'explorer.noParams': 'This method takes no parameters.',
    'explorer.col.name': 'Name',
    'explorer.col.type': 'Type',
    'explorer.col.required': 'Required',
    'explorer.col.description': 'Description',
    'explorer.required': 'Required',
    'explorer.optional': 'Optional',
    'explorer.paramsSchema': 'Params schema (JSON Schema)',
    'explorer.resultSchema': 'Result schema (JSON Schema)',
    'explorer.editor': 'Params to send (JSON)',
    'explorer.editorHint': 'Prefilled with an example from the schema. Press Ctrl+Enter to call.',
    'explorer.call': 'Call',
    'explorer.reset': 'Reset example',
    'explorer.clear': 'Clear result',
    'explorer.output': 'Result',
    'explorer.privacy': 'Results may contain citizen data: they are shown on this screen only and never stored.',
    'explorer.ok': 'Success · {ms} ms',
    'explorer.failed': 'Error {code} · {ms} ms',
    'explorer.failedLocal': 'Could not call',
    'explorer.badJson': 'Invalid JSON: {detail}',
    'explorer.notObject': 'Params must be an object {…} or an array […].',
    'explorer.error.message': 'Message',
    'explorer.error.reason': 'Reason',
    'explorer.error.retriable': 'Retriable',
    'explorer.error.message.vi': 'Message (Vietnamese)',
    'explorer.error.message.en': 'Message (English)',
    'explorer.yes': 'Yes',
    'explorer.no': 'No',

    'error.connection': 'The connection to the service was lost before a reply. Please try again once connected.',
    'error.rpc': 'The service reported error {code}: {message}',
    'error.unexpected': 'Something unexpected went wrong.',

    'time.days': '{n} d',
    'time.hours': '{n} h',
    'time.minutes': '{n} min',
    'time.seconds': '{n} s',
  },
};
for (const code of LANGS) Object.assign(STRINGS[code], SCAN_STRINGS[code], PROCEDURE_STRINGS[code]);

let lang = DEFAULT_LANG;
const listeners = new Set();

function storage() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled by policy
  }
}

export function currentLang() {
  return lang;
}

export function hasText(key) {
  return Object.hasOwn(STRINGS[lang], key);
}

/** The string for `key` in the current language, with {name} placeholders filled from `vars`. */
export function t(key, vars = {}) {
  const text = STRINGS[lang][key] ?? STRINGS[DEFAULT_LANG][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

/** Picks the current language from a {vi, en} message (the daemon's error messages). */
export function localized(message) {
  if (!message || typeof message !== 'object') return '';
  return message[lang] ?? message[DEFAULT_LANG] ?? Object.values(message)[0] ?? '';
}

/** A user-facing sentence for a failed call: the daemon's own vi/en message when it has one. */
export function errorText(err) {
  if (err?.name === 'ConnectionError') return t('error.connection');
  const message = localized(err?.data?.message);
  if (message) return message;
  if (err?.name === 'RpcError') return t('error.rpc', { code: err.code, message: err.message });
  return t('error.unexpected');
}

/** Applies data-i18n / data-i18n-attr under `root`. */
export function applyI18n(root = globalThis.document) {
  if (!root) return;
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of node.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':').map((s) => s.trim());
      if (attr && key) node.setAttribute(attr, t(key));
    }
  }
}

export function onLangChange(listener) {
  listeners.add(listener);
}

export function setLang(next) {
  if (!LANGS.includes(next)) return;
  lang = next;
  try {
    storage()?.setItem(STORAGE_KEY, next);
  } catch {
    // quota or policy: the choice just is not remembered
  }
  if (globalThis.document) {
    document.documentElement.lang = next;
    applyI18n();
  }
  for (const listener of listeners) listener(next);
}

/** Reads the remembered language (Vietnamese when none) and applies it to the page. */
export function initLang() {
  let saved = null;
  try {
    saved = storage()?.getItem(STORAGE_KEY);
  } catch {
    saved = null;
  }
  setLang(LANGS.includes(saved) ? saved : DEFAULT_LANG);
}

const LOCALES = { vi: 'vi-VN', en: 'en-GB' };

export function formatDateTime(date) {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'short', timeStyle: 'medium' }).format(date);
}

/** 93784 → "1 ngày 2 giờ 3 phút" / "1 d 2 h 3 min"; under a minute → seconds. */
export function formatDuration(totalSeconds) {
  const s = Math.max(0, Math.floor(totalSeconds));
  if (s < 60) return t('time.seconds', { n: s });
  const days = Math.floor(s / 86400);
  const hours = Math.floor((s % 86400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const parts = [];
  if (days) parts.push(t('time.days', { n: days }));
  if (days || hours) parts.push(t('time.hours', { n: hours }));
  parts.push(t('time.minutes', { n: minutes }));
  return parts.join(' ');
}
