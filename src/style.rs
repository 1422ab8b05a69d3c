//! Colours shared by the window and the export: the colour-blind-safe palette for actors
//! without a colour of their own, and the few neutral colours of each theme.

use serde::{Deserialize, Serialize};

use crate::model::{Actor, Rgb};

/// Light or dark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

/// Okabe–Ito: stays distinct for the common colour-vision deficiencies.
pub const PALETTE: [Rgb; 7] = [
    Rgb {
        r: 0x00,
        g: 0x72,
        b: 0xb2,
    },
    Rgb {
        r: 0xd5,
        g: 0x5e,
        b: 0x00,
    },
    Rgb {
        r: 0x00,
        g: 0x9e,
        b: 0x73,
    },
    Rgb {
        r: 0xcc,
        g: 0x79,
        b: 0xa7,
    },
    Rgb {
        r: 0xe6,
        g: 0x9f,
        b: 0x00,
    },
    Rgb {
        r: 0x56,
        g: 0xb4,
        b: 0xe9,
    },
    Rgb {
        r: 0x7f,
        g: 0x7f,
        b: 0x7f,
    },
];

/// An actor's colour: its own, or the palette's by the actor's position.
pub fn actor_rgb(actor: &Actor, index: usize) -> Rgb {
    actor.color.unwrap_or(PALETTE[index % PALETTE.len()])
}

/// Neutral colours of a theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Neutrals {
    pub background: Rgb,
    pub text: Rgb,
    pub weak_text: Rgb,
    pub label_column: Rgb,
    pub heading: Rgb,
    pub stripe: Rgb,
    pub grid: Rgb,
    pub cluster: Rgb,
    pub connector: Rgb,
    pub periods: [Rgb; 2],
}

impl Theme {
    pub fn neutrals(self) -> Neutrals {
        match self {
            Theme::Light => Neutrals {
                background: Rgb {
                    r: 0xff,
                    g: 0xff,
                    b: 0xff,
                },
                text: Rgb {
                    r: 0x19,
                    g: 0x19,
                    b: 0x19,
                },
                weak_text: Rgb {
                    r: 0x69,
                    g: 0x69,
                    b: 0x69,
                },
                label_column: Rgb {
                    r: 0xf6,
                    g: 0xf6,
                    b: 0xf4,
                },
                heading: Rgb {
                    r: 0xe8,
                    g: 0xea,
                    b: 0xee,
                },
                stripe: Rgb {
                    r: 0xf7,
                    g: 0xf7,
                    b: 0xf7,
                },
                grid: Rgb {
                    r: 0xd8,
                    g: 0xd8,
                    b: 0xd8,
                },
                cluster: Rgb {
                    r: 0x6e,
                    g: 0x74,
                    b: 0x80,
                },
                connector: Rgb {
                    r: 0xb0,
                    g: 0xb0,
                    b: 0xb0,
                },
                periods: [
                    Rgb {
                        r: 0xe9,
                        g: 0xee,
                        b: 0xf7,
                    },
                    Rgb {
                        r: 0xf7,
                        g: 0xee,
                        b: 0xe4,
                    },
                ],
            },
            Theme::Dark => Neutrals {
                background: Rgb {
                    r: 0x1b,
                    g: 0x1b,
                    b: 0x1b,
                },
                text: Rgb {
                    r: 0xe1,
                    g: 0xe1,
                    b: 0xe1,
                },
                weak_text: Rgb {
                    r: 0x96,
                    g: 0x96,
                    b: 0x96,
                },
                label_column: Rgb {
                    r: 0x1e,
                    g: 0x20,
                    b: 0x24,
                },
                heading: Rgb {
                    r: 0x2a,
                    g: 0x2d,
                    b: 0x34,
                },
                stripe: Rgb {
                    r: 0x22,
                    g: 0x22,
                    b: 0x22,
                },
                grid: Rgb {
                    r: 0x3a,
                    g: 0x3a,
                    b: 0x3a,
                },
                cluster: Rgb {
                    r: 0x5a,
                    g: 0x60,
                    b: 0x6e,
                },
                connector: Rgb {
                    r: 0x70,
                    g: 0x70,
                    b: 0x70,
                },
                periods: [
                    Rgb {
                        r: 0x22,
                        g: 0x27,
                        b: 0x30,
                    },
                    Rgb {
                        r: 0x2e,
                        g: 0x28,
                        b: 0x22,
                    },
                ],
            },
        }
    }
}

impl Rgb {
    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}
