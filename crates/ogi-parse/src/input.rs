//! What a file holds: its format, detected by content, and its text, decoded
//! from whatever encoding it is in.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use encoding_rs::{Encoding, UTF_8};
use ogi_model::Span;

use crate::{Error, ErrorKind};

/// How many leading bytes are examined to detect a format or a declared
/// encoding.
const SNIFF: usize = 4096;

/// The kinds of file a report comes in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum InputFormat {
    /// Plain text: copied from a page, or extracted from a PDF.
    Text,
    /// An HTML page.
    Html,
    /// A Word document (`.docx`, Office Open XML).
    Docx,
    /// A PDF document. Its text must be extracted first (the `ogi` command
    /// runs `pdftotext -layout`); the library reads the extracted text.
    Pdf,
}

impl InputFormat {
    /// The format of `bytes`, judged by their content (magic bytes, markup),
    /// never by a file name.
    pub fn detect(bytes: &[u8]) -> Self {
        let head = prefix(bytes, SNIFF);
        if head.starts_with(b"%PDF-") || find(prefix(head, 1024), b"%PDF-").is_some() {
            return Self::Pdf;
        }
        if head.starts_with(b"PK\x03\x04") || head.starts_with(b"\xD0\xCF\x11\xE0") {
            // A ZIP (.docx) or an OLE file (a legacy .doc): a Word document.
            return Self::Docx;
        }
        // Markup starts with a tag: without a `<` it is text.
        if memchr::memchr(b'<', head).is_none() {
            return Self::Text;
        }
        // Markup is judged on the text, whatever its encoding: the tags are
        // ASCII in every encoding this crate reads but UTF-16.
        let ascii: String = head
            .iter()
            .filter(|b| b.is_ascii() && **b != 0)
            .map(|b| char::from(*b))
            .collect();
        if crate::html::looks_like_html(&ascii) {
            Self::Html
        } else {
            Self::Text
        }
    }

    /// The name used on the command line and in messages: `text`, `html`,
    /// `docx` or `pdf`.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Html => "html",
            Self::Docx => "docx",
            Self::Pdf => "pdf",
        }
    }
}

impl fmt::Display for InputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A name that is not one of [`InputFormat`]'s.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown input format `{0}` (expected text, html, docx or pdf)")]
pub struct UnknownFormat(String);

impl FromStr for InputFormat {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "text" | "txt" => Ok(Self::Text),
            "html" | "htm" => Ok(Self::Html),
            "docx" => Ok(Self::Docx),
            "pdf" => Ok(Self::Pdf),
            _ => Err(UnknownFormat(s.to_owned())),
        }
    }
}

/// The text of a file, which the spans of a parse refer to, and what it was
/// read from.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Source<'a> {
    /// The text, without a byte-order mark. For a Word document, the text
    /// read from it: paragraphs as lines, table cells separated by U+001F.
    pub text: Cow<'a, str>,
    /// The format the text was read as.
    pub format: InputFormat,
    /// The encoding's WHATWG name (`UTF-8`, `GBK`, `gb18030`, `Big5`,
    /// `UTF-16LE`, …).
    pub encoding: &'static str,
}

/// Decodes a text or HTML file (its [`Source::format`] says which, by
/// content): from its byte-order mark, else the charset an
/// HTML page declares, else UTF-8 when the bytes are valid UTF-8, else the
/// encoding detected from the bytes (GBK, GB18030, Big5, …).
///
/// # Errors
/// [`ErrorKind::Binary`] when the text has NUL or other control characters;
/// [`ErrorKind::InvalidEncoding`] when the bytes are not valid in the
/// encoding found (declared, or detected).
pub fn decode(bytes: &[u8]) -> Result<Source<'_>, Error> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return decode_as(bytes, bom, encoding);
    }
    // Without a byte-order mark, NUL bytes mean binary data (UTF-16 without a
    // mark is not seen in reports).
    if let Some(offset) = memchr::memchr(0, bytes) {
        return Err(binary(0, offset));
    }
    // Validated once: the text is then borrowed as it is.
    let utf8 = std::str::from_utf8(bytes);
    if let Some(declared) = declared_charset(bytes) {
        // A page declared as UTF-8 that is not is detected instead; any other
        // declaration is believed.
        if declared != UTF_8 {
            return decode_as(bytes, 0, declared);
        }
    }
    if let Ok(text) = utf8 {
        return source(Cow::Borrowed(text), 0, UTF_8);
    }
    if mostly_utf8(bytes) {
        // Mostly UTF-8 with a few bad bytes is damaged UTF-8, reported as
        // such, not a legacy encoding to guess.
        return decode_as(bytes, 0, UTF_8);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    // Not UTF-8: that was ruled out above.
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    decode_as(bytes, 0, guess)
}

fn decode_as<'a>(
    bytes: &'a [u8],
    bom: usize,
    encoding: &'static Encoding,
) -> Result<Source<'a>, Error> {
    let body = bytes.get(bom..).unwrap_or_default();
    let text: Cow<'a, str> = if encoding == UTF_8 {
        match std::str::from_utf8(body) {
            Ok(s) => Cow::Borrowed(s),
            Err(e) => {
                let offset = bom + e.valid_up_to();
                return Err(Error::new(
                    ErrorKind::InvalidEncoding {
                        encoding: UTF_8.name(),
                        offset,
                    },
                    Some(Span::new(offset, offset + 1)),
                ));
            }
        }
    } else {
        match encoding.decode_without_bom_handling_and_without_replacement(body) {
            Some(text) => text,
            None => {
                let offset = bom + first_malformed(encoding, body);
                return Err(Error::new(
                    ErrorKind::InvalidEncoding {
                        encoding: encoding.name(),
                        offset,
                    },
                    Some(Span::new(offset, offset + 1)),
                ));
            }
        }
    };
    source(text, bom, encoding)
}

/// The decoded text as a [`Source`], unless it holds control characters
/// (binary data). `bom` is the length of the byte-order mark before it.
fn source<'a>(
    text: Cow<'a, str>,
    bom: usize,
    encoding: &'static Encoding,
) -> Result<Source<'a>, Error> {
    // Control characters are ASCII, and an ASCII byte in UTF-8 is always
    // that character: the bytes are scanned, not the characters.
    if let Some((offset, byte)) = find_control(&text) {
        // For UTF-8 the offset is the byte's own; otherwise it is the offset
        // in the decoded text.
        return Err(binary(
            byte,
            offset + if encoding == UTF_8 { bom } else { 0 },
        ));
    }
    let format = if crate::html::looks_like_html(&text) {
        InputFormat::Html
    } else {
        InputFormat::Text
    };
    Ok(Source {
        text,
        format,
        encoding: encoding.name(),
    })
}

/// Whether bytes that are not valid UTF-8 are still mostly UTF-8: at least
/// four valid multi-byte characters for each invalid sequence.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    valid >= 4 * invalid.max(1)
}

/// The offset of the first byte `encoding` cannot decode.
fn first_malformed(encoding: &'static Encoding, body: &[u8]) -> usize {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(
        decoder
            .max_utf8_buffer_length_without_replacement(body.len())
            .unwrap_or(body.len() * 3),
    );
    let (result, read) = decoder.decode_to_string_without_replacement(body, &mut out, true);
    match result {
        encoding_rs::DecoderResult::Malformed(bad, consumed_after) => {
            read.saturating_sub(usize::from(bad) + usize::from(consumed_after))
        }
        _ => read,
    }
}

fn binary(byte: u8, offset: usize) -> Error {
    Error::new(
        ErrorKind::Binary { byte, offset },
        Some(Span::new(offset, offset + 1)),
    )
}

/// Control characters other than line breaks, tab and form feed
/// (`pdftotext` separates pages with a form feed).
fn is_control(b: u8) -> bool {
    (b < b' ' && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)) || b == 0x7f
}

/// The first control character of `text` (a sign of binary data) and its
/// byte offset. Control characters are ASCII, and an ASCII byte in UTF-8 is
/// always that character, so the bytes are scanned: eight at a time, each
/// word tested for a byte below 0x20 or equal to 0x7F before its bytes are.
pub(crate) fn find_control(text: &str) -> Option<(usize, u8)> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    const SPACES: u64 = u64::from_ne_bytes([0x20; 8]);
    const DELS: u64 = u64::from_ne_bytes([0x7f; 8]);
    let bytes = text.as_bytes();
    let mut words = bytes.chunks_exact(8);
    let mut offset = 0;
    let first_in = |bytes: &[u8], offset: usize| {
        bytes
            .iter()
            .zip(offset..)
            .find(|(b, _)| is_control(**b))
            .map(|(b, at)| (at, *b))
    };
    for word in words.by_ref() {
        // (A chunk is always eight bytes; were it not, 0 has it scanned.)
        let x = word.try_into().map_or(0, u64::from_ne_bytes);
        // A byte below 0x20, or a zero byte in x ^ 0x7f…: some byte may be
        // a control character (the test has false positives, never misses).
        let below_space = x.wrapping_sub(SPACES) & !x & HIGHS;
        let del = (x ^ DELS).wrapping_sub(ONES) & !(x ^ DELS) & HIGHS;
        if below_space | del != 0 {
            if let Some(found) = first_in(word, offset) {
                return Some(found);
            }
        }
        offset += 8;
    }
    first_in(words.remainder(), offset)
}

/// The encoding an HTML page declares in `<meta charset=…>` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">`, or an XML
/// declaration's `encoding="…"`.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = prefix(bytes, SNIFF);
    // A declaration is inside a tag.
    memchr::memchr(b'<', head)?;
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut rest = lower.as_slice();
    while let Some(p) = find(rest, b"charset") {
        rest = rest.get(p + b"charset".len()..).unwrap_or_default();
        let after = rest.trim_ascii_start();
        let Some(value) = after.strip_prefix(b"=") else {
            continue;
        };
        let value = value.trim_ascii_start();
        let value = value
            .strip_prefix(b"\"")
            .or_else(|| value.strip_prefix(b"'"))
            .unwrap_or(value);
        let end = value
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':')))
            .unwrap_or(value.len());
        if let Some(e) = Encoding::for_label(prefix(value, end)) {
            return Some(e);
        }
    }
    if head.starts_with(b"<?xml") {
        let end = find(head, b"?>").unwrap_or(head.len());
        let decl = prefix(&lower, end);
        if let Some(p) = find(decl, b"encoding=") {
            let rest = decl.get(p + b"encoding=".len()..)?;
            let (&q, rest) = rest.split_first()?;
            let close = rest.iter().position(|b| *b == q)?;
            return Encoding::for_label(prefix(rest, close));
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

/// The first `n` bytes of `bytes`, or all of them when there are fewer.
fn prefix(bytes: &[u8], n: usize) -> &[u8] {
    bytes.get(..n).unwrap_or(bytes)
}

/// Files that hold no report text ogi can read: what they are, and what to do.
pub(crate) fn unsupported(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        Some((
            "a legacy Word (.doc) or other OLE file",
            "; save it as .docx",
        ))
    } else if bytes.starts_with(b"\x89PNG") || bytes.starts_with(b"\xFF\xD8\xFF") {
        Some(("an image", "; a scanned report must be OCRed first"))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(ogi_testkit::proptest_config(256))]
        #[test]
        fn control_characters_are_found_where_a_naive_scan_finds_them(
            text in "[a-z0-9 \n\t\u{0}-\u{1f}\u{7f}\u{80}-\u{ff}公开件\u{3000}]{0,40}"
        ) {
            let naive = text.bytes().enumerate().find(|&(_, b)| is_control(b));
            proptest::prop_assert_eq!(find_control(&text), naive);
        }
    }

    #[test]
    fn control_characters_in_any_position_of_a_word() {
        for k in 0..20 {
            for c in ['\u{0}', '\u{1}', '\u{1f}', '\u{7f}'] {
                let mut text: String = "公开abcdefgh1234".chars().cycle().take(20).collect();
                text.insert(text.char_indices().nth(k).map_or(text.len(), |(i, _)| i), c);
                let at = text.find(c).unwrap();
                assert_eq!(find_control(&text), Some((at, c as u8)), "{k} {c:?}");
            }
        }
        assert_eq!(find_control("一\n二\t三\r\u{c}四 ~\u{80}"), None);
    }

    #[test]
    fn formats_by_content() {
        assert_eq!(InputFormat::detect(b"%PDF-1.7\n..."), InputFormat::Pdf);
        assert_eq!(InputFormat::detect(b"PK\x03\x04rest"), InputFormat::Docx);
        assert_eq!(
            InputFormat::detect(b"<!DOCTYPE html><html><body><table>"),
            InputFormat::Html
        );
        assert_eq!(
            InputFormat::detect("某局2021年政府信息公开工作年度报告".as_bytes()),
            InputFormat::Text
        );
        // GBK-encoded markup is still markup.
        let (gbk, _, _) = encoding_rs::GBK.encode("<html><body><p>报告</p></body></html>");
        assert_eq!(InputFormat::detect(&gbk), InputFormat::Html);
    }

    #[test]
    fn format_names_round_trip() {
        for f in [
            InputFormat::Text,
            InputFormat::Html,
            InputFormat::Docx,
            InputFormat::Pdf,
        ] {
            assert_eq!(f.name().parse::<InputFormat>(), Ok(f));
        }
        assert!("odt".parse::<InputFormat>().is_err());
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode("报告".as_bytes()).unwrap();
        assert_eq!((d.text.as_ref(), d.encoding), ("报告", "UTF-8"));
        assert!(matches!(d.text, Cow::Borrowed(_)));
        let d = decode(b"\xEF\xBB\xBF\xE6\x8A\xA5").unwrap();
        assert_eq!(d.text, "报");
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "一、总体情况".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes).unwrap();
        assert_eq!((d.text.as_ref(), d.encoding), ("一、总体情况", "UTF-16LE"));
    }

    #[test]
    fn declared_gb2312_is_read_as_gbk() {
        let page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; \
                    charset=gb2312\"></head><body><p>本年新收政府信息公开申请</p></body></html>";
        let (bytes, _, _) = encoding_rs::GBK.encode(page);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "GBK");
        assert_eq!(d.text, page);
    }

    #[test]
    fn undeclared_gbk_and_big5_are_detected() {
        let text = "一、总体情况\n本年度共收到政府信息公开申请21件，其中自然人申请20件，\
                    法人或其他组织申请1件。上年结转0件。予以公开12件，部分公开3件。\n";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let d = decode(&gbk).unwrap();
        assert_eq!(d.text, text);
        assert!(matches!(d.encoding, "GBK" | "gb18030"), "{}", d.encoding);

        let trad = "一、總體情況\n本年度共收到政府資訊公開申請21件，其中自然人申請20件，\
                    法人或其他組織申請1件。上年結轉0件。予以公開12件，部分公開3件。\n";
        let (big5, _, _) = encoding_rs::BIG5.encode(trad);
        let d = decode(&big5).unwrap();
        assert_eq!((d.text.as_ref(), d.encoding), (trad, "Big5"));
    }

    #[test]
    fn invalid_bytes_in_the_declared_encoding_are_an_error_with_their_offset() {
        let mut bytes = b"<meta charset=\"gbk\"><p>".to_vec();
        let at = bytes.len();
        bytes.extend_from_slice(b"\x81\x20"); // a lead byte without a trail byte
        let e = decode(&bytes).unwrap_err();
        assert_eq!(
            e.kind(),
            &ErrorKind::InvalidEncoding {
                encoding: "GBK",
                offset: at
            }
        );
        assert_eq!(
            e.to_string(),
            format!("the file is not valid GBK (invalid byte sequence at offset {at})")
        );
    }

    #[test]
    fn damaged_utf8_is_reported_as_utf8() {
        let mut bytes = "一、总体情况\n本年新收".as_bytes().to_vec();
        bytes.push(0xE9);
        let e = decode(&bytes).unwrap_err();
        assert_eq!(
            e.kind(),
            &ErrorKind::InvalidEncoding {
                encoding: "UTF-8",
                offset: bytes.len() - 1
            }
        );
    }

    #[test]
    fn nul_and_control_bytes_are_binary() {
        let e = decode(b"abc\0def").unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::Binary { byte: 0, offset: 3 });
        let e = decode(b"abc\x01def").unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::Binary { byte: 1, offset: 3 });
        // A form feed (pdftotext's page break) is text.
        assert!(decode(b"page 1\x0cpage 2").is_ok());
    }
}
