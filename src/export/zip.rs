//! The project as a zip archive: every file under one top-level folder named after the project,
//! deflated, with a fixed timestamp (1980-01-01, the zip epoch) so that the same design always
//! gives byte-identical archives, and Unix modes 0644 / 0755 (scripts keep their executable bit).

use crate::generate::GeneratedFile;
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// Deflate level 1: on the 100-service benchmark project (286 files, 824 KB) it deflates in
/// about half the time of level 6 for an archive about 10 % larger.
const LEVEL: i64 = 1;

/// Files smaller than this are stored: each deflated entry first zeroes the compressor's tables
/// (about 200 KB), which costs more time than a small file's saving is worth. On the benchmark
/// project, storing files under 2 KB (instead of 512 B) makes the zip a third faster for a
/// 14 % larger archive (303 KB instead of 265 KB).
const STORE_BELOW: usize = 2048;

/// Natively, projects of at least this many bytes are deflated in two halves on two threads.
#[cfg(not(target_arch = "wasm32"))]
const SPLIT_FROM: usize = 128 * 1024;

/// A zip of `files` under `folder/`. Fails only if the archive cannot be written in memory
/// (which would be a bug in the zip crate), never on file contents.
///
/// Native builds (the CLI) deflate large projects in two halves at once and then append the
/// second half's entries, already compressed, to the first: the bytes are the same as those of
/// one writer (tested), only sooner. The browser has one thread and writes in sequence.
pub fn project_zip(folder: &str, files: &[GeneratedFile]) -> Result<Vec<u8>, String> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let total: usize = files.iter().map(|f| f.contents.len()).sum();
        if total >= SPLIT_FROM {
            return in_two_halves(folder, files, total);
        }
    }
    in_sequence(folder, files)
}

fn in_sequence(folder: &str, files: &[GeneratedFile]) -> Result<Vec<u8>, String> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    add(&mut zip, folder, files)?;
    let cursor = zip.finish().map_err(|e| e.to_string())?;
    Ok(cursor.into_inner())
}

#[cfg(not(target_arch = "wasm32"))]
/// `total`: the bytes of all `files`; the halves hold about as many bytes each.
fn in_two_halves(folder: &str, files: &[GeneratedFile], total: usize) -> Result<Vec<u8>, String> {
    let mut seen = 0;
    let split = files
        .iter()
        .position(|f| {
            seen += f.contents.len();
            seen * 2 >= total
        })
        .map_or(files.len(), |i| i + 1);
    let (first, second) = files.split_at(split);
    let (first, second) = std::thread::scope(|scope| {
        let second = scope.spawn(|| {
            let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
            add(&mut zip, folder, second)?;
            zip.finish_into_readable().map_err(|e| e.to_string())
        });
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        let first = add(&mut zip, folder, first).map(|()| zip);
        let second = second
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        (first, second)
    });
    let mut zip = first?;
    zip.merge_archive(second?).map_err(|e| e.to_string())?;
    let cursor = zip.finish().map_err(|e| e.to_string())?;
    Ok(cursor.into_inner())
}

fn add<W: Write + std::io::Seek>(
    zip: &mut ZipWriter<W>,
    folder: &str,
    files: &[GeneratedFile],
) -> Result<(), String> {
    let base = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(LEVEL))
        .last_modified_time(DateTime::default());
    for f in files {
        let mode = if f.executable { 0o755 } else { 0o644 };
        let options = if f.contents.len() < STORE_BELOW {
            base.compression_method(CompressionMethod::Stored)
                .compression_level(None)
        } else {
            base
        };
        zip.start_file(
            format!("{folder}/{}", f.path),
            options.unix_permissions(mode),
        )
        .map_err(|e| e.to_string())?;
        zip.write_all(f.contents.as_bytes())
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> Vec<GeneratedFile> {
        vec![
            GeneratedFile::text("a.txt", "hello\n"),
            GeneratedFile::script("scripts/run.sh", "#!/bin/sh\necho hi\n"),
        ]
    }

    #[test]
    fn large_files_are_deflated_small_ones_stored_and_both_read_back() {
        let big = "services:\n".repeat(1000);
        let files = vec![
            GeneratedFile::text("big.yml", big.clone()),
            GeneratedFile::text("small.txt", "hi\n"),
        ];
        let bytes = project_zip("p", &files).unwrap();
        assert!(bytes.len() < big.len() / 4, "deflated");
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut text = String::new();
        std::io::Read::read_to_string(&mut archive.by_name("p/big.yml").unwrap(), &mut text)
            .unwrap();
        assert_eq!(text, big);
        assert_eq!(
            archive.by_name("p/small.txt").unwrap().compression(),
            CompressionMethod::Stored
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn two_halves_give_the_bytes_of_one_writer() {
        let files: Vec<GeneratedFile> = (0..40)
            .map(|i| {
                let body = format!("line {i}: services and volumes\n").repeat(200 + i * 37);
                if i % 3 == 0 {
                    GeneratedFile::script(format!("scripts/s{i}.sh"), body)
                } else {
                    GeneratedFile::text(format!("docs/f{i}.md"), body)
                }
            })
            .chain([GeneratedFile::text("tiny.txt", "x\n")])
            .collect();
        assert!(files.iter().map(|f| f.contents.len()).sum::<usize>() >= SPLIT_FROM);
        let parallel = project_zip("p", &files).unwrap();
        assert_eq!(parallel, in_sequence("p", &files).unwrap());
        let archive = zip::ZipArchive::new(Cursor::new(parallel)).unwrap();
        assert_eq!(archive.len(), files.len());
    }

    #[test]
    fn the_same_files_give_the_same_bytes() {
        assert_eq!(
            project_zip("p", &files()).unwrap(),
            project_zip("p", &files()).unwrap()
        );
    }

    #[test]
    fn entries_keep_their_paths_contents_and_modes() {
        let bytes = project_zip("shop", &files()).unwrap();
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut names: Vec<String> = archive.file_names().map(str::to_string).collect();
        crate::sorting::sort(&mut names);
        assert_eq!(names, vec!["shop/a.txt", "shop/scripts/run.sh"]);
        let script = archive.by_name("shop/scripts/run.sh").unwrap();
        assert_eq!(script.unix_mode().map(|m| m & 0o777), Some(0o755));
        drop(script);
        let mut text = String::new();
        std::io::Read::read_to_string(&mut archive.by_name("shop/a.txt").unwrap(), &mut text)
            .unwrap();
        assert_eq!(text, "hello\n");
    }
}
