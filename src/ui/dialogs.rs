//! Toolbar actions that open dialogs or move designs in and out of the app: share, import,
//! download, export (pictures, Mermaid), design files and recent designs. The toolbar (owned by the canvas) renders the
//! buttons in its slots; `App` calls [`open_link_on_start`] once.
//!
//! Every design from outside (link, file, import, recent entry) goes through one gate —
//! `share::restore` or the importer — and replaces the board only through `load::load_design`:
//! the present design is put into Recent designs first, and the switch is one undoable step.
//! Text from outside is only ever rendered as text.

pub mod browser;
mod design_files;
mod dialog_button;
mod download_button;
mod export_dialog;
pub(crate) mod import_dialog;
mod link_on_start;
mod load;
mod modal;
mod picture;
mod qr_code;
mod recent_list;
pub mod recents;
mod share_dialog;
mod share_link;

pub use design_files::DesignFiles;
pub use dialog_button::DialogButton;
pub use download_button::DownloadButton;
pub use export_dialog::ExportButton;
pub use import_dialog::ImportButton;
pub use link_on_start::open_link_on_start;
pub use load::load_design;
pub use modal::Modal;
pub use qr_code::QrCode;
pub use recent_list::RecentDesigns;
pub use share_dialog::ShareButton;
pub use share_link::ShareLink;
