//! A QR code of a link as a standalone SVG, for workshop participants' phones.
//!
//! Dark modules are drawn as one path of horizontal runs on a white background, with the
//! standard four-module quiet zone. The SVG holds only numbers: no text of the link ends up in
//! markup, so the UI may embed it as it is. Same text, same SVG (byte for byte).

use super::ShareError;
use qrcodegen::{QrCode, QrCodeEcc, QrSegment};
use std::fmt::Write as _;

/// Quiet zone around the symbol, in modules (ISO/IEC 18004 asks for 4).
pub const QUIET_ZONE: i32 = 4;

/// Most bytes a QR code holds (version 40, low error correction, byte mode).
pub const MAX_QR_BYTES: usize = 2953;

/// The QR symbol for `text`: the smallest version that fits at low error correction, with the
/// error correction raised for free when the same version allows it.
pub fn qr_code(text: &str) -> Result<QrCode, ShareError> {
    let too_long = || ShareError::TooLongForQr {
        len: text.len(),
        max: MAX_QR_BYTES,
    };
    if text.len() > MAX_QR_BYTES {
        return Err(too_long());
    }
    let segments = QrSegment::make_segments(text);
    QrCode::encode_segments(&segments, QrCodeEcc::Low).map_err(|_| too_long())
}

/// The drawing of `text`'s QR code: the side in modules (quiet zone included) and one path of
/// the dark runs, in module units. The one drawing of a QR code: the standalone SVG below and the
/// web app's inline SVG paint it.
pub fn qr_drawing(text: &str) -> Result<(i32, String), ShareError> {
    let qr = qr_code(text)?;
    let size = qr.size();
    let mut path = String::new();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if !qr.get_module(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < size && qr.get_module(x, y) {
                x += 1;
            }
            let run = x - start;
            // Writing to a String cannot fail.
            let _ = write!(
                path,
                "M{},{}h{run}v1h-{run}z",
                start + QUIET_ZONE,
                y + QUIET_ZONE
            );
        }
    }
    Ok((size + 2 * QUIET_ZONE, path))
}

/// `text`'s QR code as a standalone SVG document.
pub fn qr_svg(text: &str) -> Result<String, ShareError> {
    let (full, path) = qr_drawing(text)?;
    Ok(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {full} {full}\" shape-rendering=\"crispEdges\">\
<rect width=\"{full}\" height=\"{full}\" fill=\"#ffffff\"/><path fill=\"#000000\" d=\"{path}\"/></svg>\n"
    ))
}
