//! Drawing the screen from [`ScreenData`]: every pane at once on a large
//! terminal (120x40), the focused pane under a tab bar on a small one
//! (80x24), a zoomed pane, the help overlay, and the two bottom lines (status
//! with the current opcode and what it does; messages, narration or the `:`
//! line).

use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui::Frame;

use super::app::{App, Pane, Theme, HELP};
use super::screen::ScreenData;

/// Below this size panes collapse to tabs.
pub const MIN_FULL_WIDTH: u16 = 100;
pub const MIN_FULL_HEIGHT: u16 = 30;

struct Palette {
    border: Style,
    focus_border: Style,
    current: Style,
    cursor: Style,
    span: Style,
    breakpoint: Style,
    pushed: Style,
    popped: Style,
    dim: Style,
    status: Style,
}

fn palette(theme: Theme) -> Palette {
    match theme {
        Theme::Mono => Palette {
            border: Style::default(),
            focus_border: Style::default().add_modifier(Modifier::BOLD),
            current: Style::default().add_modifier(Modifier::REVERSED),
            cursor: Style::default().add_modifier(Modifier::UNDERLINED),
            span: Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            breakpoint: Style::default().add_modifier(Modifier::BOLD),
            pushed: Style::default().add_modifier(Modifier::BOLD),
            popped: Style::default().add_modifier(Modifier::CROSSED_OUT),
            dim: Style::default(),
            status: Style::default().add_modifier(Modifier::REVERSED),
        },
        Theme::Dark | Theme::Light => {
            let fg = if theme == Theme::Dark {
                Color::White
            } else {
                Color::Black
            };
            Palette {
                border: Style::default().fg(Color::DarkGray),
                focus_border: Style::default()
                    .fg(Color::Cyan)
                    .add_modifier(Modifier::BOLD),
                current: Style::default().bg(Color::Blue).fg(Color::White),
                cursor: Style::default().add_modifier(Modifier::UNDERLINED),
                span: Style::default()
                    .bg(Color::Yellow)
                    .fg(Color::Black)
                    .add_modifier(Modifier::BOLD),
                breakpoint: Style::default().fg(Color::Red).add_modifier(Modifier::BOLD),
                pushed: Style::default()
                    .fg(Color::Green)
                    .add_modifier(Modifier::BOLD),
                popped: Style::default().fg(Color::Red),
                dim: Style::default().fg(Color::DarkGray),
                status: Style::default().bg(Color::DarkGray).fg(fg),
            }
        }
    }
}

pub fn short_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// Draws the whole screen.
pub fn draw(f: &mut Frame, app: &mut App, data: &ScreenData) {
    let area = f.area();
    if area.width < 20 || area.height < 6 {
        f.render_widget(Paragraph::new("py2vm: terminal too small"), area);
        return;
    }
    let rows = Layout::default()
        .direction(Direction::Vertical)
        .constraints([
            Constraint::Min(3),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .split(area);
    let (main, status, bottom) = (rows[0], rows[1], rows[2]);
    app.pane_areas.clear();
    let small = area.width < MIN_FULL_WIDTH || area.height < MIN_FULL_HEIGHT;
    if app.zoom {
        draw_pane(f, app, data, app.focus, main);
    } else if small {
        let parts = Layout::default()
            .direction(Direction::Vertical)
            .constraints([Constraint::Length(1), Constraint::Min(2)])
            .split(main);
        draw_tabs(f, app, parts[0]);
        draw_pane(f, app, data, app.focus, parts[1]);
    } else {
        let bands = Layout::default()
            .direction(Direction::Vertical)
            .constraints([
                Constraint::Percentage(46),
                Constraint::Percentage(27),
                Constraint::Percentage(27),
            ])
            .split(main);
        let split = |r: Rect, pcts: &[u16]| {
            Layout::default()
                .direction(Direction::Horizontal)
                .constraints(
                    pcts.iter()
                        .map(|p| Constraint::Percentage(*p))
                        .collect::<Vec<_>>(),
                )
                .split(r)
        };
        let top = split(bands[0], &[50, 50]);
        let middle = split(bands[1], &[40, 35, 25]);
        let bottom_band = split(bands[2], &[34, 36, 30]);
        for (pane, rect) in [
            (Pane::Source, top[0]),
            (Pane::Dis, top[1]),
            (Pane::Frames, middle[0]),
            (Pane::Stack, middle[1]),
            (Pane::Blocks, middle[2]),
            (Pane::Locals, bottom_band[0]),
            (Pane::Generators, bottom_band[1]),
            (Pane::Output, bottom_band[2]),
        ] {
            draw_pane(f, app, data, pane, rect);
        }
    }
    draw_status(f, app, data, status);
    draw_bottom(f, app, data, bottom);
    if app.help {
        draw_overlay(f, " Keys (any key closes) ", HELP, main);
    } else if let Some(text) = app.popup.clone() {
        draw_overlay(f, " (any key closes) ", &text, main);
    }
}

fn draw_tabs(f: &mut Frame, app: &App, area: Rect) {
    let p = palette(app.theme);
    let mut spans = Vec::new();
    for pane in Pane::ALL {
        let style = if pane == app.focus { p.current } else { p.dim };
        spans.push(Span::styled(format!(" {} ", pane.tab()), style));
        spans.push(Span::raw("│"));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_overlay(f: &mut Frame, title: &str, text: &str, area: Rect) {
    let width =
        (text.lines().map(|l| l.chars().count()).max().unwrap_or(10) as u16 + 4).min(area.width);
    let height = (text.lines().count() as u16 + 2).min(area.height);
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    f.render_widget(Clear, rect);
    f.render_widget(
        Paragraph::new(text.to_string())
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(title.to_string()),
            )
            .wrap(Wrap { trim: false }),
        rect,
    );
}

/// The rows a pane shows, which row is its anchor (kept in view), and
/// which row is highlighted as current.
struct PaneRows {
    lines: Vec<Line<'static>>,
    anchor: usize,
}

pub fn first_visible_row(app: &App, pane: Pane, data: &ScreenData, height: u16) -> usize {
    let visible = height.saturating_sub(2) as usize;
    let rows = pane_rows(app, pane, data, 200, visible);
    scroll_offset(rows.anchor, rows.lines.len(), visible)
}

fn scroll_offset(anchor: usize, total: usize, visible: usize) -> usize {
    if visible == 0 || total <= visible {
        return 0;
    }
    anchor.saturating_sub(visible / 2).min(total - visible)
}

fn draw_pane(f: &mut Frame, app: &mut App, data: &ScreenData, pane: Pane, area: Rect) {
    app.pane_areas.push((pane, area));
    let p = palette(app.theme);
    let focused = app.focus == pane;
    let mut title = format!(" {} ", pane.title());
    match pane {
        Pane::Source if !data.source.filename.is_empty() => {
            title = format!(" Source: {} ", short_name(&data.source.filename))
        }
        Pane::Dis if !data.code_name.is_empty() => {
            title = format!(" Disassembly: {} ", data.code_name);
            if let Some(id) = data.inspecting_generator {
                title = format!(" Disassembly: {} (generator g{id}) ", data.code_name);
            }
        }
        Pane::Generators => title = format!(" Generators ({}) ", data.generators.len()),
        _ => {}
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(if focused { p.focus_border } else { p.border })
        .title(title);
    let inner_height = area.height.saturating_sub(2) as usize;
    let rows = pane_rows(
        app,
        pane,
        data,
        area.width.saturating_sub(2) as usize,
        inner_height,
    );
    let offset = scroll_offset(rows.anchor, rows.lines.len(), inner_height);
    let visible: Vec<Line> = rows
        .lines
        .into_iter()
        .skip(offset)
        .take(inner_height)
        .collect();
    f.render_widget(Paragraph::new(visible).block(block), area);
}

fn clip(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(width.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// The rows of `pane`; in the long panes only the `height` rows that will
/// be visible are formatted (a 5,000-line file or 10,000 generators must
/// not cost a frame's time), the others are empty placeholders.
fn pane_rows(app: &App, pane: Pane, data: &ScreenData, width: usize, height: usize) -> PaneRows {
    let p = palette(app.theme);
    let focused = app.focus == pane;
    let cursor = app.cursor(pane);
    let cursor_style = |i: usize, base: Style| {
        if focused && i == cursor {
            base.patch(p.cursor)
        } else {
            base
        }
    };
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut anchor = 0;
    let follow_row = !app.follow || focused;
    let (total, window_anchor) = match pane {
        Pane::Source => (
            data.source.lines.len(),
            if follow_row {
                cursor
            } else {
                data.source.line.map_or(0, |l| (l.max(1) - 1) as usize)
            },
        ),
        Pane::Dis => (
            data.dis.len(),
            if follow_row {
                cursor
            } else {
                data.current_offset
                    .and_then(|o| data.dis.iter().position(|i| i.offset == o))
                    .unwrap_or(0)
            },
        ),
        _ => (0, 0),
    };
    let start = scroll_offset(window_anchor, total, height);
    let shown = |i: usize| height == 0 || (i >= start && i < start + height);
    match pane {
        Pane::Source => {
            if data.source.lines.is_empty() {
                lines.push(Line::styled("(source not available)", p.dim));
            }
            for (i, text) in data.source.lines.iter().enumerate() {
                if !shown(i) {
                    lines.push(Line::default());
                    continue;
                }
                let n = i as i32 + 1;
                let is_current = data.source.line == Some(n);
                let bp = if data.source.breakpoint_lines.contains(&n) {
                    "●"
                } else {
                    " "
                };
                let arrow = if is_current { "▶" } else { " " };
                let mut spans = vec![
                    Span::styled(bp.to_string(), p.breakpoint),
                    Span::styled(
                        format!("{arrow}{n:>4} "),
                        if is_current { p.current } else { p.dim },
                    ),
                ];
                spans.extend(source_spans(text, n, data, &p, is_current));
                lines.push(Line::from(spans).style(cursor_style(i, Style::default())));
            }
            anchor = window_anchor;
        }
        Pane::Dis => {
            let targets: std::collections::HashSet<u32> =
                data.dis.iter().filter_map(|i| i.jump_target).collect();
            for (i, instr) in data.dis.iter().enumerate() {
                if !shown(i) {
                    lines.push(Line::default());
                    continue;
                }
                let is_current = data.current_offset == Some(instr.offset);
                let line = instr
                    .starts_line
                    .map(|l| format!("{l:>4}"))
                    .unwrap_or_else(|| "    ".into());
                let mark = if is_current {
                    "-->"
                } else if targets.contains(&instr.offset) {
                    " >>"
                } else {
                    "   "
                };
                let bp = if data.breakpoint_offsets.contains(&instr.offset) {
                    "●"
                } else {
                    " "
                };
                let arg = instr
                    .arg
                    .map(|a| format!("{a:>4}"))
                    .unwrap_or_else(|| "    ".into());
                let argrepr = if instr.argrepr.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", instr.argrepr)
                };
                let text = clip(
                    &format!(
                        "{line} {mark} {:>4} {:<22}{arg}{argrepr}",
                        instr.offset, instr.opname
                    ),
                    width.saturating_sub(1),
                );
                let style = if is_current {
                    p.current
                } else {
                    Style::default()
                };
                lines.push(
                    Line::from(vec![
                        Span::styled(bp.to_string(), p.breakpoint),
                        Span::styled(text, style),
                    ])
                    .style(cursor_style(i, Style::default())),
                );
            }
            anchor = window_anchor;
        }
        Pane::Frames => {
            for (i, fr) in data.frames.iter().enumerate().rev() {
                let kind = match fr.kind {
                    "function" | "module" => String::new(),
                    k => format!(" [{k}]"),
                };
                let sel = if i == data.selected_frame { "▶" } else { " " };
                let text = format!(
                    "{sel}#{i} {}{kind} line {} @{}",
                    fr.qualname,
                    fr.line.map_or("-".into(), |l| l.to_string()),
                    fr.offset
                );
                let style = if i == data.selected_frame {
                    p.current
                } else {
                    Style::default()
                };
                lines.push(Line::styled(clip(&text, width), cursor_style(i, style)));
                if fr.native_boundary {
                    lines.push(Line::styled("   ┄ <native code> ┄", p.dim));
                }
            }
            if lines.is_empty() {
                lines.push(Line::styled("(no frames)", p.dim));
            }
        }
        Pane::Stack => {
            let pushed = match &data.diff {
                Some(d) if !d.frame_changed => d.pushed.len(),
                _ => 0,
            };
            let n = data.stack.len();
            for e in data.stack.iter().rev() {
                let is_pushed = e.index + pushed >= n;
                let mark = if is_pushed { "+" } else { " " };
                let text = clip(
                    &format!(
                        "{mark}[{}] {:<10} {}",
                        e.index, e.value.type_name, e.value.repr
                    ),
                    width,
                );
                lines.push(Line::styled(
                    text,
                    if is_pushed {
                        p.pushed
                    } else {
                        Style::default()
                    },
                ));
            }
            if lines.is_empty() {
                lines.push(Line::styled("(empty)", p.dim));
            }
            if let Some(d) = &data.diff {
                if !d.frame_changed && !d.popped.is_empty() {
                    let popped: Vec<&str> = d.popped.iter().map(|v| v.repr.as_str()).collect();
                    lines.push(Line::styled(
                        clip(
                            &format!("-popped by {}: {}", d.opname, popped.join(", ")),
                            width,
                        ),
                        p.popped,
                    ));
                }
            }
        }
        Pane::Blocks => {
            for b in &data.blocks {
                let text = format!(
                    "{} {}-{} → {} (line {}) depth {}{}",
                    b.kind,
                    b.start,
                    b.end,
                    b.target,
                    b.target_line.map_or("-".into(), |l| l.to_string()),
                    b.depth,
                    if b.lasti { " lasti" } else { "" }
                );
                lines.push(Line::raw(clip(&text, width)));
            }
            if lines.is_empty() {
                lines.push(Line::styled("(no handler covers this instruction)", p.dim));
            }
        }
        Pane::Locals => {
            for (i, v) in data.locals.iter().enumerate() {
                let kind = match v.kind {
                    "cell" | "free" => format!(" ({})", v.kind),
                    _ => String::new(),
                };
                let text = match &v.value {
                    Some(val) => format!("{}{kind} = {}  {}", v.name, val.repr, val.type_name),
                    None => format!("{}{kind}  <unbound>", v.name),
                };
                lines.push(Line::styled(
                    clip(&text, width),
                    cursor_style(i, Style::default()),
                ));
            }
            for (name, value, changed) in &data.watches {
                let text = format!(
                    "watch {name} = {value}{}",
                    changed
                        .map(|c| format!("  (changed at #{c})"))
                        .unwrap_or_default()
                );
                lines.push(Line::styled(clip(&text, width), p.breakpoint));
            }
            if lines.is_empty() {
                lines.push(Line::styled("(no variables)", p.dim));
            }
        }
        Pane::Generators => {
            for (i, text) in generator_tree(data).into_iter().enumerate() {
                let row_style = cursor_style(i, Style::default());
                lines.push(Line::styled(clip(&text, width), row_style));
            }
            if lines.is_empty() {
                lines.push(Line::styled("(no live generators)", p.dim));
            }
            anchor = cursor;
        }
        Pane::Output => {
            let out: Vec<&str> = data.output.lines().collect();
            for l in &out {
                lines.push(Line::raw(clip(l, width)));
            }
            anchor = lines.len().saturating_sub(1);
            if focused {
                anchor = cursor.min(anchor);
            }
        }
    }
    if matches!(
        pane,
        Pane::Frames | Pane::Locals | Pane::Stack | Pane::Blocks
    ) && focused
    {
        anchor = cursor;
    }
    PaneRows { lines, anchor }
}

/// The source line with the current instruction's column span marked.
fn source_spans(
    text: &str,
    n: i32,
    data: &ScreenData,
    p: &Palette,
    is_current: bool,
) -> Vec<Span<'static>> {
    let Some((line, col, end_line, end_col)) = data.source.span else {
        return vec![Span::raw(text.to_string())];
    };
    if n < line || n > end_line || !is_current && line == end_line {
        return vec![Span::raw(text.to_string())];
    }
    // CPython's columns count UTF-8 bytes.
    let byte_to_char = |b: i32| -> usize {
        let b = (b.max(0) as usize).min(text.len());
        text.char_indices().take_while(|(i, _)| *i < b).count()
    };
    let chars: Vec<char> = text.chars().collect();
    let start = if n == line { byte_to_char(col) } else { 0 };
    let end = if n == end_line {
        byte_to_char(end_col)
    } else {
        chars.len()
    };
    let (start, end) = (
        start.min(chars.len()),
        end.min(chars.len()).max(start.min(chars.len())),
    );
    vec![
        Span::raw(chars[..start].iter().collect::<String>()),
        Span::styled(chars[start..end].iter().collect::<String>(), p.span),
        Span::raw(chars[end..].iter().collect::<String>()),
    ]
}

/// Generators as trees of their delegation chains: roots are the ones no
/// other generator delegates to. One row per generator, in `data.generators`
/// order for the cursor, indented under their delegator.
pub fn generator_tree(data: &ScreenData) -> Vec<String> {
    let delegated: std::collections::HashSet<u64> = data
        .generators
        .iter()
        .filter_map(|g| g.delegate.as_ref().and_then(|d| d.generator))
        .collect();
    let by_id: std::collections::HashMap<u64, &crate::debugger::views::GeneratorView> =
        data.generators.iter().map(|g| (g.id, g)).collect();
    let mut depth_of: std::collections::HashMap<u64, usize> = std::collections::HashMap::new();
    for root in data
        .generators
        .iter()
        .filter(|g| !delegated.contains(&g.id))
    {
        let mut id = Some(root.id);
        let mut depth = 0;
        while let Some(current) = id {
            if depth_of.contains_key(&current) {
                break;
            }
            depth_of.insert(current, depth);
            depth += 1;
            id = by_id
                .get(&current)
                .and_then(|g| g.delegate.as_ref().and_then(|d| d.generator));
        }
    }
    data.generators
        .iter()
        .map(|g| {
            let depth = depth_of.get(&g.id).copied().unwrap_or(0);
            let indent = if depth == 0 {
                String::new()
            } else {
                format!("{}└─ ", "   ".repeat(depth - 1))
            };
            let state = g
                .state
                .split_once('_')
                .map_or(g.state.as_str(), |(_, s)| s)
                .to_lowercase();
            let wait = match &g.delegate {
                Some(d) if d.generator.is_none() => format!(" → {}", d.value.repr),
                _ => String::new(),
            };
            format!(
                "{indent}g{} {} {} line {}{wait}",
                g.id,
                g.qualname,
                state,
                g.line.map_or("-".into(), |l| l.to_string())
            )
        })
        .collect()
}

fn draw_status(f: &mut Frame, app: &App, data: &ScreenData, area: Rect) {
    let p = palette(app.theme);
    let mut text = format!(" {} │ #{}", data.run_state, data.count);
    if !data.stop_reason.is_empty() && data.run_state == "paused" {
        text.push_str(&format!(" {}", data.stop_reason));
    }
    if let Some(i) = &data.instruction {
        let arg = if i.argrepr.is_empty() {
            i.arg.map(|a| format!(" {a}")).unwrap_or_default()
        } else {
            format!(" {}", i.argrepr)
        };
        text.push_str(&format!(
            " │ next: {}{arg} {} — {}",
            i.opname, i.stack_effect, i.explanation
        ));
    }
    text.push_str("  (? for keys)");
    f.render_widget(
        Paragraph::new(clip(&text, area.width as usize)).style(p.status),
        area,
    );
}

fn draw_bottom(f: &mut Frame, app: &App, data: &ScreenData, area: Rect) {
    let text = if let Some(prompt) = &app.input_prompt {
        format!("input> {prompt}")
    } else if let Some(line) = &app.command_line {
        format!(":{line}")
    } else if !app.message.is_empty() {
        app.message.clone()
    } else if let Some(d) = &data.diff {
        format!("last: {}", d.narrate())
    } else {
        String::new()
    };
    f.render_widget(Paragraph::new(clip(&text, area.width as usize)), area);
}
