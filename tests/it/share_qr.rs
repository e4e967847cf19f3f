//! The Share dialog's QR code: the SVG is read back as an image and scanned (rqrr), so the test
//! checks what a phone would see, not how the SVG was written.

use crate::share_support;

use share_support::{patterns, thirty_services};
use tierboard::share::{self, ShareError, MAX_QR_BYTES, QUIET_ZONE};

/// The SVG's module grid: parses the `M x,y h n v1 h-n z` runs of the one dark path.
fn modules(svg: &str) -> (usize, Vec<Vec<bool>>) {
    let size: usize = svg
        .split("viewBox=\"0 0 ")
        .nth(1)
        .and_then(|r| r.split(' ').next())
        .unwrap()
        .parse()
        .unwrap();
    let mut grid = vec![vec![false; size]; size];
    let path = svg
        .split(" d=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    for run in path.split('M').filter(|r| !r.is_empty()) {
        let (xy, rest) = run.split_once('h').unwrap();
        let (x, y) = xy.split_once(',').unwrap();
        let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
        let len: usize = rest.split('v').next().unwrap().parse().unwrap();
        assert_eq!(rest, format!("{len}v1h-{len}z"), "run shape");
        for cell in &mut grid[y][x..x + len] {
            assert!(!*cell, "runs do not overlap");
            *cell = true;
        }
    }
    (size, grid)
}

/// Render at 4 px per module (dark = 0, white = 255) and scan.
fn scan(svg: &str) -> (usize, String) {
    let (size, grid) = modules(svg);
    const PX: usize = 4;
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(size * PX, size * PX, |x, y| {
        if grid[y / PX][x / PX] {
            0
        } else {
            255
        }
    });
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in the picture");
    let (meta, content) = grids[0].decode().expect("the QR code scans");
    (meta.version.0, content)
}

#[test]
fn the_qr_code_scans_back_to_the_full_link() {
    let mut designs = patterns();
    designs.push(("thirty-services".into(), thirty_services()));
    for (name, design) in designs {
        let link = share::link("https://tierboard.example/", &design);
        let svg = share::qr_svg(&link).unwrap();
        let (version, content) = scan(&svg);
        assert_eq!(content, link, "{name}");
        let (size, _) = modules(&svg);
        assert_eq!(
            size,
            17 + 4 * version + 2 * QUIET_ZONE as usize,
            "{name}: size matches the version"
        );
        println!("{name:<16} link {:>5} chars -> QR version {version:>2} ({size}x{size} modules with quiet zone)", link.len());
    }
}

#[test]
fn the_svg_is_deterministic_standalone_and_carries_no_link_text() {
    let link = share::link("https://tierboard.example/", &patterns()[0].1);
    let svg = share::qr_svg(&link).unwrap();
    assert_eq!(share::qr_svg(&link).unwrap(), svg);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.contains("fill=\"#ffffff\"") && svg.contains("fill=\"#000000\""));
    assert!(
        !svg.contains("tierboard.example") && !svg.contains("d=1."),
        "only numbers in the markup"
    );
    let (size, grid) = modules(&svg);
    let q = QUIET_ZONE as usize;
    let quiet = (0..size).all(|i| {
        (0..q)
            .all(|j| !grid[j][i] && !grid[size - 1 - j][i] && !grid[i][j] && !grid[i][size - 1 - j])
    });
    assert!(quiet, "a four-module quiet zone all round");
}

#[test]
fn a_link_too_long_for_a_qr_code_is_an_error_not_a_panic() {
    let long = "a".repeat(MAX_QR_BYTES + 1);
    assert_eq!(
        share::qr_svg(&long),
        Err(ShareError::TooLongForQr {
            len: MAX_QR_BYTES + 1,
            max: MAX_QR_BYTES
        })
    );
    assert!(share::qr_svg(&"a".repeat(MAX_QR_BYTES)).is_ok());
}
