//! Everything KneeMap keeps on disk: the atomic, versioned, backed-up file store ([`file`]), the thread that saves
//! off the UI thread ([`writer`]), the private folder modes ([`privacy`]) and the one document it holds,
//! [`UserData`] (map choices, red-flag ticks, plans, logs).

pub mod file;
pub mod privacy;
pub mod user_data;
pub mod writer;

pub use file::{
    BACKUP_INTERVAL, BACKUPS_KEPT, Envelope, FILE_NAME, FORMAT_NAME, InjectedFault, LoadOutcome,
    MAX_BYTES, Problem, RENAME_DELAY_ENV, STALE_TEMP_AGE, SessionWriter, Store, StoreError,
    Versioned, parse_envelope, write_atomically,
};
pub use user_data::{Appearance, Preferences, UserData};
pub use writer::{BackgroundWriter, WriteReport};
