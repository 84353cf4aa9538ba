#include "text_decoder.hpp"

#include <array>
#include <cstdio>
#include <utility>

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ustring.h>

namespace crmsync::csv_drop {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

const char* icu_name(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::utf16:
      return "UTF-16";  // reads and drops the BOM, honouring its byte order
    case TextEncoding::gbk:
      return "GBK";
    case TextEncoding::gb18030:
      return "GB18030";
    case TextEncoding::utf8:
      break;
  }
  return "UTF-8";
}

std::string hex_bytes(const char* bytes, int length) {
  std::string text;
  for (int i = 0; i < length; ++i) {
    std::array<char, 4> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%02X", static_cast<unsigned char>(bytes[i]));
    if (i > 0) text += ' ';
    text += buffer.data();
  }
  return text;
}

}  // namespace

TextDecoder::TextDecoder(TextEncoding encoding) : encoding_(encoding) {
  if (encoding_ == TextEncoding::utf8) return;
  UErrorCode status = U_ZERO_ERROR;
  source_converter_ = ucnv_open(icu_name(encoding_), &status);
  if (U_FAILURE(status)) {
    source_converter_ = nullptr;
    error_ =
        std::string("cannot open the ICU converter for ") + to_string(encoding_) + ": " + u_errorName(status);
    return;
  }
  // Stop at the first byte sequence the encoding does not define instead of
  // substituting U+FFFD: a wrongly decoded file must not land quietly.
  ucnv_setToUCallBack(source_converter_, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  utf8_converter_ = ucnv_open("UTF-8", &status);
  if (U_FAILURE(status)) {
    utf8_converter_ = nullptr;
    error_ = std::string("cannot open the ICU UTF-8 converter: ") + u_errorName(status);
  }
  pivot_source_ = pivot_.data();
  pivot_target_ = pivot_.data();
}

TextDecoder::~TextDecoder() {
  if (source_converter_ != nullptr) ucnv_close(source_converter_);
  if (utf8_converter_ != nullptr) ucnv_close(utf8_converter_);
}

bool TextDecoder::fail(std::string message) {
  error_ = std::move(message);
  return false;
}

bool TextDecoder::decode(std::string_view bytes, bool last, std::string& out) {
  if (!error_.empty()) return false;
  const std::size_t start = out.size();
  const bool ok =
      encoding_ == TextEncoding::utf8 ? decode_utf8(bytes, last, out) : decode_with_icu(bytes, last, out);
  consumed_ += bytes.size();
  if (ok) strip_byte_order_mark(out, start, last);
  return ok;
}

bool TextDecoder::decode_utf8(std::string_view bytes, bool last, std::string& out) {
  if (!validator_.feed(bytes) || (last && !validator_.finish())) {
    // Hand over the good part, so the caller can tell where the bad one starts.
    const std::uint64_t good = validator_.error_offset() - consumed_;
    if (good <= bytes.size()) out.append(bytes.substr(0, static_cast<std::size_t>(good)));
    return fail("invalid UTF-8 byte sequence at byte offset " + std::to_string(validator_.error_offset()));
  }
  out.append(bytes);
  return true;
}

bool TextDecoder::decode_with_icu(std::string_view bytes, bool last, std::string& out) {
  if (source_converter_ == nullptr || utf8_converter_ == nullptr) return false;
  const char* source = bytes.data();
  const char* const source_limit = bytes.data() + bytes.size();
  std::array<char, std::size_t{16} * 1024> buffer{};
  for (;;) {
    char* target = buffer.data();
    UErrorCode status = U_ZERO_ERROR;
    ucnv_convertEx(utf8_converter_, source_converter_, &target, buffer.data() + buffer.size(), &source,
                   source_limit, pivot_.data(), &pivot_source_, &pivot_target_, pivot_.data() + pivot_.size(),
                   /*reset=*/static_cast<UBool>(!started_), /*flush=*/static_cast<UBool>(last), &status);
    started_ = true;
    out.append(buffer.data(), static_cast<std::size_t>(target - buffer.data()));
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_SUCCESS(status)) return true;

    // The text before the bad bytes may still sit in the pivot buffer: hand
    // it over, so the caller can tell where the bad bytes start.
    if (pivot_target_ > pivot_source_) {
      UErrorCode pivot_status = U_ZERO_ERROR;
      int32_t length = 0;
      const auto units = static_cast<int32_t>(pivot_target_ - pivot_source_);
      u_strToUTF8(nullptr, 0, &length, pivot_source_, units, &pivot_status);
      pivot_status = U_ZERO_ERROR;
      std::string text(static_cast<std::size_t>(length), '\0');
      u_strToUTF8(text.data(), length, &length, pivot_source_, units, &pivot_status);
      if (U_SUCCESS(pivot_status)) out += text;
    }
    std::array<char, 32> invalid{};
    auto invalid_length = static_cast<std::int8_t>(invalid.size());
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidChars(source_converter_, invalid.data(), &invalid_length, &ignored);
    if (U_FAILURE(ignored)) invalid_length = 0;
    const auto offset = consumed_ + static_cast<std::uint64_t>(source - bytes.data()) -
                        static_cast<std::uint64_t>(invalid_length);
    std::string message = status == U_TRUNCATED_CHAR_FOUND ? "truncated " : "invalid ";
    message += to_string(encoding_);
    message += " byte sequence";
    if (invalid_length > 0) {
      message += ' ';
      message += hex_bytes(invalid.data(), invalid_length);
    }
    message += " at byte offset ";
    message += std::to_string(offset);
    return fail(std::move(message));
  }
}

void TextDecoder::strip_byte_order_mark(std::string& out, std::size_t start, bool last) {
  if (head_done_) return;
  // The BOM may arrive split over calls: hold the first bytes back until
  // there are three of them or the input ends.
  head_ += std::string_view(out).substr(start);
  out.resize(start);
  if (head_.size() < kUtf8Bom.size() && !last) return;
  if (std::string_view(head_).starts_with(kUtf8Bom)) head_.erase(0, kUtf8Bom.size());
  out += head_;
  head_.clear();
  head_done_ = true;
}

}  // namespace crmsync::csv_drop
