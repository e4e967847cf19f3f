//! Toolbar actions that open dialogs: share, import, download, export (pictures, Mermaid),
//! design files and recent designs. The toolbar renders the buttons in its slots.
//!
//! Every design a dialog brings in (link, file, import, recent entry) goes through one gate —
//! `share::restore` or the importer — and replaces the board only through
//! `ui::incoming::load_design`. Text from outside is only ever rendered as text.

mod design_files;
mod dialog_button;
mod download_button;
mod export_dialog;
pub(crate) mod import_dialog;
mod modal;
mod picture;
mod qr_code;
mod recent_list;
mod share_dialog;
mod share_link;

pub use design_files::DesignFiles;
pub use dialog_button::DialogButton;
pub use download_button::DownloadButton;
pub use export_dialog::ExportButton;
pub(crate) use export_dialog::ExportChoices;
pub use import_dialog::ImportButton;
pub(crate) use import_dialog::ImportForm;
pub use modal::Modal;
pub(crate) use modal::{ModalFrame, ModalParts};
pub use qr_code::QrCode;
pub use recent_list::RecentDesigns;
pub use share_dialog::ShareButton;
pub use share_link::ShareLink;
