//! `tierboard share DESIGN.json [--url PAGE] [--view] [--qr]`: the design's share link.
//!
//! Prints the fragment `#d=1.…` (append it to the page's URL), the full link with `--url`, or
//! with `--qr` the QR code of that text as SVG. `--view` makes it a read-only view link
//! (`#v=1.…`: opens in presentation mode and leaves the viewer's own board alone).

use super::{read_design, Args, CliError};
use crate::share;
use std::io::{Read, Write};

pub fn run(mut args: Args, stdin: &mut dyn Read, out: &mut dyn Write) -> Result<(), CliError> {
    let url = args.option("--url")?;
    let qr = args.flag("--qr");
    let access = if args.flag("--view") {
        share::Access::View
    } else {
        share::Access::Edit
    };
    let path = args.one("DESIGN.json")?;
    let design = read_design(path, stdin)?;
    let text = share::checked_link(access, url, &design)
        .map_err(|e| CliError::input(format!("this design cannot be shared as a link: {e}")))?;
    if qr {
        let svg = share::qr_svg(&text).map_err(|e| CliError::input(e.to_string()))?;
        write!(out, "{svg}")?;
    } else {
        writeln!(out, "{text}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn share(args: &[&str], design_json: &str) -> String {
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        let mut out = Vec::new();
        run(Args::new(&args), &mut design_json.as_bytes(), &mut out).expect("share runs");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn view_flag_prints_the_view_link_of_the_same_design() {
        let design = crate::catalog::starter();
        let json = design.to_json();
        let edit = share(&["-"], &json);
        let view = share(&["-", "--view"], &json);
        assert!(view.starts_with("#v=1."), "{view}");
        assert_eq!(edit.strip_prefix("#d="), view.strip_prefix("#v="));
        let url = share(&["-", "--view", "--url", "https://t.example/#x"], &json);
        assert!(url.starts_with("https://t.example/#v=1."), "{url}");
        assert_eq!(
            share::decode_with_access(url.trim()),
            Ok((share::Access::View, design))
        );
    }
}
