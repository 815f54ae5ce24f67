//! The files of a batch: the arguments, with directories walked recursively.

use std::path::{Path, PathBuf};

use crate::input::{FileError, display_name};

/// One input of the batch, in output order.
#[derive(Debug)]
pub(crate) enum Item {
    /// A file to read (`-` is standard input).
    File(PathBuf),
    /// A directory that could not be listed: reported as a failed input.
    Unlisted(FileError),
}

impl Item {
    /// The name shown for the input.
    pub(crate) fn name(&self) -> String {
        match self {
            Self::File(p) => display_name(p),
            Self::Unlisted(e) => e.file.clone(),
        }
    }
}

/// The inputs named by `paths`, in order: a file (or `-`, or a path that does
/// not exist, which fails when read) as given; a directory replaced by every
/// file under it, recursively, sorted by path. Under a directory, names that
/// start with `.` are skipped and symbolic links to directories are not
/// followed (those to files are). Which files are reports is decided by their
/// content, not their names.
pub(crate) fn expand(paths: &[PathBuf]) -> Vec<Item> {
    let mut items = Vec::new();
    for path in paths {
        if path.as_os_str() != "-" && path.is_dir() {
            walk(path, &mut items);
        } else {
            items.push(Item::File(path.clone()));
        }
    }
    items
}

fn walk(dir: &Path, items: &mut Vec<Item>) {
    let unlisted = |e: std::io::Error| {
        Item::Unlisted(FileError {
            file: display_name(dir),
            reason: format!("cannot list the directory: {e}"),
        })
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return items.push(unlisted(e)),
    };
    let mut children = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => {
                if entry.file_name().as_encoded_bytes().starts_with(b".") {
                    continue;
                }
                let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
                children.push((entry.file_name(), entry.path(), is_dir));
            }
            Err(e) => return items.push(unlisted(e)),
        }
    }
    // By name within a directory, depth first: the files come out sorted by
    // path, component by component.
    children.sort();
    for (_, path, is_dir) in children {
        if is_dir {
            walk(&path, items);
        } else if path.is_dir() {
            // A symbolic link to a directory: not followed (no cycles).
        } else {
            items.push(Item::File(path));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directories_are_walked_in_path_order_skipping_hidden_names() {
        let root = std::env::temp_dir().join(format!("ogi-inputs-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        for dir in ["b", "a/z", ".hidden", "a-b"] {
            std::fs::create_dir_all(root.join(dir)).unwrap();
        }
        for file in [
            "b/2.txt",
            "a/z/1.txt",
            "a/0.pdf",
            ".hidden/x",
            ".x",
            "a-b/y",
            "c",
        ] {
            std::fs::write(root.join(file), b"").unwrap();
        }
        let items = expand(&[root.join("b"), root.clone(), PathBuf::from("-")]);
        let names: Vec<String> = items
            .iter()
            .map(|i| {
                i.name()
                    .trim_start_matches(&root.display().to_string())
                    .to_owned()
            })
            .collect();
        assert_eq!(
            names,
            [
                "/b/2.txt",
                "/a/0.pdf",
                "/a/z/1.txt",
                "/a-b/y",
                "/b/2.txt",
                "/c",
                "<stdin>"
            ]
        );
        std::fs::remove_dir_all(&root).unwrap();
    }
}
