//! The SQLite database file, opened beside SQLite so that the checkpoints can flush it to disk
//! without the writer waiting.
//!
//! A checkpoint that copies the whole WAL ends by syncing the database file, and only that last
//! one, under the writer's turn, does (the passes beside the writer always leave frames behind).
//! It then had to write out every page the passes beside had copied since the WAL last started
//! over: 3–27 ms while the writer waited, most of a stored submit's p99. Syncing the file
//! here first, beside the writer, leaves the checkpoint under its turn little to write (the
//! checkpointer syncs again while the passes copied much during a sync, `sqlite::sync_beside`).
//!
//! The descriptor is never closed: closing any descriptor of a file drops all the locks the
//! process holds on it (POSIX record locks), SQLite's included, and SQLite would not know. So
//! each database file is opened once per process and kept.

use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

/// The database files opened so far in this process, each kept open until the process ends.
static OPEN: OnceLock<Mutex<HashMap<PathBuf, Arc<File>>>> = OnceLock::new();

/// A database file, to flush to disk beside the writer.
#[derive(Clone)]
pub(super) struct DatabaseFile(Arc<File>);

impl DatabaseFile {
    /// The file at `path`, opened once for this process (read-only: syncing needs no more).
    pub(super) fn open(path: &Path) -> std::io::Result<DatabaseFile> {
        let key = path.canonicalize()?;
        let mut open = OPEN
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(file) = open.get(&key) {
            return Ok(DatabaseFile(file.clone()));
        }
        let file = Arc::new(File::open(&key)?);
        open.insert(key, file.clone());
        Ok(DatabaseFile(file))
    }

    /// Writes the file's changed pages to disk, on a blocking thread.
    pub(super) async fn sync(&self) -> std::io::Result<()> {
        let file = self.0.clone();
        tokio::task::spawn_blocking(move || file.sync_data())
            .await
            .map_err(std::io::Error::other)?
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_file_is_opened_once_and_synced() {
        let dir = std::env::temp_dir().join(format!("flits-dbfile-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("t.db");
        std::fs::write(&path, b"pages").unwrap();
        let first = DatabaseFile::open(&path).unwrap();
        // The same file by another spelling of its path is the same descriptor.
        let again = DatabaseFile::open(&dir.join(".").join("t.db")).unwrap();
        assert!(Arc::ptr_eq(&first.0, &again.0));
        first.sync().await.unwrap();
        assert!(DatabaseFile::open(&dir.join("missing.db")).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
