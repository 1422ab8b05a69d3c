//! Everything the user can ask of the window. Panels emit commands; `App::apply` is the one
//! place that carries them out.

use std::path::PathBuf;

use crate::layout::time_view::TimeView;
use crate::model::{ActorIndex, EventIndex, SourceIndex};
use crate::query::Filter;

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Ask for a file with the native dialog (or the path field where there is none).
    OpenDialog,
    /// Show the field to type a path into.
    ShowPathPrompt(super::PathPurpose),
    /// The text typed into the path field.
    EditPathPrompt(String),
    ClosePathPrompt,
    /// Ask for a TimelineJS file (JSON or CSV) to import.
    ImportDialog,
    ImportPath(PathBuf),
    /// Ask where to save an imported timeline as `.ron`.
    SaveImportedDialog,
    SaveImportedTo {
        path: PathBuf,
        overwrite: bool,
    },
    OpenPath(PathBuf),
    OpenBundled,
    /// Select an event (or clear the selection) without moving the view.
    Select(Option<EventIndex>),
    /// Select an event and bring it into view.
    Reveal(EventIndex),
    /// Select the next (`+1`) or previous (`-1`) shown event in time.
    Step(i32),
    /// The user moved the view (in the plot or the overview).
    SetView(TimeView),
    /// Move the view programmatically.
    MoveView(TimeView),
    /// Fit the shown events at the plot's width (with folds, when folding is on).
    FitAll,
    /// Fold long empty stretches of time, or draw time linearly.
    SetFoldEmptyTime(bool),
    /// Unfold one empty stretch (starting at `empty_start_day`) and zoom to what it hid.
    OpenFold {
        empty_start_day: f64,
        start_day: f64,
        end_day: f64,
    },
    /// Zoom by a factor (> 1 zooms in) around the centre.
    Zoom(f64),
    /// Pan by a fraction of the visible width (positive: later).
    Pan(f64),
    /// Scroll the tracks by pixels (positive: down).
    ScrollTracks(f64),
    SetFilter(Filter),
    /// Show only this actor's track.
    FilterToActor(ActorIndex),
    ClearFilters,
    ToggleGroup(String),
    /// Open the source reader on a source, emphasising one excerpt of one event.
    ReadSource {
        source: SourceIndex,
        excerpt: Option<(EventIndex, usize)>,
    },
    ShowDetailsTab,
    /// The passage selected in the source reader (bytes of its text), or none.
    SelectPassage(Option<std::ops::Range<usize>>),
    /// Editing the timeline: the forms, delete, undo and redo.
    Edit(super::EditCommand),
    /// The source reader has brought its emphasised passage into view.
    ReaderScrolled,
    OpenUrl(String),
    /// Put text on the clipboard (a citation).
    CopyText(String),
    SetDarkMode(bool),
    ShowShortcuts(bool),
    ShowFilters(bool),
    FocusSearch,
    DismissProblems,
    OpenExportDialog,
    /// The options chosen in the export dialog.
    SetExportForm(super::export_dialog::ExportForm),
    CloseExportDialog,
    /// Ask where to save the image with the native dialog (or the path field).
    ExportSaveDialog,
    /// Write the image described by the export dialog to this path.
    Export(PathBuf),
    /// Present a story (by its position in the timeline) from its first step.
    Present(usize),
    /// Go this many steps forward (or back) in the story presented.
    PresentStep(i64),
    EndPresentation,
    /// Fill the screen with the window, or stop.
    ToggleFullscreen,
    /// Close the window (settings are saved).
    Quit,
}
