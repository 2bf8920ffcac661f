//! The generic durable store, knowing no domain type: the atomic, versioned, backed-up file ([`file`]) for any
//! [`Versioned`] document, the thread that saves off the UI thread ([`writer`]) and the private folder modes
//! ([`privacy`]). What it holds is `crate::document::UserData`.

pub(crate) mod file;
pub(crate) mod privacy;
pub(crate) mod writer;

pub use file::{
    BACKUP_INTERVAL, BACKUPS_KEPT, Envelope, FILE_NAME, FORMAT_NAME, InjectedFault, LoadOutcome,
    MAX_BYTES, MigrationError, Problem, RENAME_DELAY_ENV, STALE_TEMP_AGE, SessionWriter, Store,
    StoreError, Versioned, parse_envelope, write_atomically,
};
pub use writer::{BackgroundWriter, WriteReport};
