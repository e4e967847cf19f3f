//! Browser tests of the side panels and toolbar dialogs (wasm-bindgen-test, headless Chromium):
//! each mounts one component with an `AppState` in context and acts as a person would.
//!
//! Run with `cargo test --target wasm32-unknown-unknown --test browser_panels` (the Makefile's
//! `test-wasm` runs it beside `browser`). Leptos updates the DOM asynchronously: await `settle()`
//! between acting and reading.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use tierboard::catalog;
use tierboard::edit::Command;
use tierboard::model::{Design, Tier};
use tierboard::planner::{self, Environment};
use tierboard::share;
use tierboard::ui::dialogs::{ImportButton, ShareButton};
use tierboard::ui::incoming::{self, recents};
use tierboard::ui::panels::{FilesPanel, ResourcesPanel};
use tierboard::ui::AppState;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

fn host() -> HtmlElement {
    let doc = document();
    let host: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&host).unwrap();
    host
}

/// Mounts `view` with `state` in context; the returned handle unmounts on drop. The test page
/// has no worker script: the worker's work (Files, Import, QR) is done in the page.
fn mount_with<V: IntoView + 'static>(
    root: &HtmlElement,
    state: AppState,
    view: impl FnOnce() -> V + 'static,
) -> impl Drop {
    tierboard::ui::offload::run_in_page(tierboard::offload::handle);
    leptos::mount::mount_to(root.clone(), move || {
        provide_context(state);
        view()
    })
}

/// Lets Leptos render and spawned futures (clipboard, file reads) run.
async fn settle() {
    for _ in 0..3 {
        tick().await;
    }
    // The checklist and the resource plan follow an edit a painted frame late
    // (`DesignReader::memo_after_paint`): two animation frames, then their render.
    for _ in 0..2 {
        let frame = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .request_animation_frame(&resolve)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
    }
    for _ in 0..3 {
        tick().await;
    }
}

/// Waits `ms` milliseconds (debounced work runs meanwhile).
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn one(root: &Element, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into()
}

fn all(root: &Element, selector: &str) -> Vec<HtmlElement> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into())
        .collect()
}

/// The button whose accessible name (aria-label, else text) is `name`.
fn button(root: &Element, name: &str) -> HtmlElement {
    all(root, "button")
        .into_iter()
        .find(|b| {
            b.get_attribute("aria-label")
                .unwrap_or_else(|| b.text_content().unwrap_or_default())
                .trim()
                == name
        })
        .unwrap_or_else(|| panic!("no button named {name:?}"))
}

fn fire(target: &HtmlElement, event: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::Event::new_with_event_init_dict(event, &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

fn design(state: AppState) -> Design {
    state.reader().signal().get_untracked()
}

fn shop() -> Design {
    let mut d = catalog::instantiate(catalog::pattern("web-app").unwrap());
    d.name = "shop".into();
    d
}

fn clear_recents() {
    if let Some(s) = web_sys::window().unwrap().local_storage().unwrap() {
        s.remove_item(recents::RECENTS_KEY).unwrap();
    }
}

fn set_hash(hash: &str) {
    let window = web_sys::window().unwrap();
    let page = window.location().href().unwrap();
    let page = page.split('#').next().unwrap().to_string();
    window
        .history()
        .unwrap()
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{page}{hash}")),
        )
        .unwrap();
}

#[wasm_bindgen_test]
async fn share_dialog_shows_a_link_that_decodes_to_the_design_and_its_qr_code() {
    let root = host();
    let state = AppState::new(shop());
    let _m = mount_with(&root, state, || view! { <ShareButton /> });
    settle().await;
    assert!(
        root.query_selector("[role=dialog]").unwrap().is_none(),
        "closed until asked"
    );

    button(&root, "Share").click();
    settle().await;
    let dialog = one(&root, "[role=dialog]");
    assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));
    let title = one(
        &dialog,
        &format!("#{}", dialog.get_attribute("aria-labelledby").unwrap()),
    );
    assert_eq!(title.text_content().unwrap(), "Share this design");

    let link: HtmlInputElement = one(&dialog, "input[aria-label='Share link']").unchecked_into();
    assert_eq!(share::decode(&link.value()), Ok(design(state)));
    assert!(link.value().contains("#d=1."));
    // The QR code comes from the worker's work (done in the page here), a moment later.
    sleep(50).await;
    let qr = one(&dialog, ".qr svg");
    assert_eq!(qr.get_attribute("role").as_deref(), Some("img"));
    assert!(one(&qr, "path")
        .get_attribute("d")
        .unwrap()
        .starts_with('M'));
    assert_eq!(
        document()
            .active_element()
            .and_then(|e| e.get_attribute("aria-label"))
            .as_deref(),
        Some("Close"),
        "focus moves into the dialog"
    );

    // The link follows the design while the dialog is open.
    state
        .dispatch(Command::RenameDesign {
            name: "shop-v2".into(),
        })
        .unwrap();
    settle().await;
    assert_eq!(
        share::decode(&link.value()).map(|d| d.name),
        Ok("shop-v2".to_string())
    );

    // Escape closes.
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    dialog
        .dispatch_event(
            &web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap(),
        )
        .unwrap();
    settle().await;
    assert!(
        root.query_selector("[role=dialog]").unwrap().is_none(),
        "Escape closes the dialog"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn a_bad_link_on_start_keeps_the_design_and_says_why() {
    let state = AppState::new(shop());
    for bad in ["#d=1.AAAA", "#d=9.abc", "#d=1.not*base64", "#d=1."] {
        set_hash(bad);
        state.banner.set(None);
        incoming::open_link_on_start(state);
        // The error's words come from a part fetched on demand (`on_demand::share_error`).
        settle().await;
        assert_eq!(design(state), shop(), "{bad} leaves the design");
        let banner = state.banner.get_untracked().expect("a banner");
        assert!(banner.error, "{bad}");
        assert!(
            banner.text.contains("Could not open the shared link"),
            "{}",
            banner.text
        );
        assert!(!state.can_undo().get_untracked(), "nothing recorded");
    }
    set_hash("");
}

#[wasm_bindgen_test]
async fn a_good_link_on_start_replaces_the_design_undoably_and_keeps_the_old_one_in_recents() {
    clear_recents();
    let state = AppState::new(shop());
    let mut other = catalog::instantiate(catalog::pattern("monolith").unwrap());
    other.name = "from-link".into();
    set_hash(&share::encode(&other));
    incoming::open_link_on_start(state);
    // The switch goes through `on_demand::load_design` (it writes Recent designs in the link's
    // form, a part fetched on demand): after the present task.
    settle().await;

    assert_eq!(design(state), other);
    assert!(
        !web_sys::window()
            .unwrap()
            .location()
            .hash()
            .unwrap()
            .contains("d="),
        "fragment cleared"
    );
    let kept = recents::load();
    assert_eq!(kept.first().map(|r| r.name.as_str()), Some("shop"));
    assert_eq!(share::open(&kept[0].design), Ok(shop()));
    state.undo();
    assert_eq!(design(state), shop(), "opening a link is one undo step");
    clear_recents();
}

#[wasm_bindgen_test]
async fn recents_switch_puts_the_present_design_aside_and_delete_removes_an_entry() {
    clear_recents();
    let mut old = shop();
    old.name = "old-plan".into();
    let root = host();
    let state = AppState::new(shop());
    recents::remember(state, &old).unwrap();
    let _m = mount_with(&root, state, || view! { <ShareButton /> });
    settle().await;
    button(&root, "Share").click();
    settle().await;

    button(&root, "Open old-plan").click();
    settle().await;
    assert_eq!(design(state).name, "old-plan");
    let names: Vec<String> = recents::load().into_iter().map(|r| r.name).collect();
    assert_eq!(
        names,
        ["shop", "old-plan"],
        "the present design was put aside first"
    );
    assert_eq!(
        all(&root, ".recents__name")
            .iter()
            .map(|e| e.text_content().unwrap())
            .collect::<Vec<_>>(),
        ["shop", "old-plan"]
    );

    button(&root, "Delete old-plan").click();
    settle().await;
    let names: Vec<String> = recents::load().into_iter().map(|r| r.name).collect();
    assert_eq!(names, ["shop"]);
    assert_eq!(all(&root, ".recents__name").len(), 1);
    assert_eq!(
        design(state).name,
        "old-plan",
        "deleting an entry leaves the board alone"
    );
    clear_recents();
    root.remove();
}

#[wasm_bindgen_test]
async fn a_pasted_bad_link_shows_an_alert_and_keeps_the_design() {
    let root = host();
    let state = AppState::new(shop());
    let _m = mount_with(&root, state, || view! { <ShareButton /> });
    settle().await;
    button(&root, "Share").click();
    settle().await;
    let paste: HtmlInputElement = one(&root, "input[aria-label='Link to open']").unchecked_into();
    let good = share::encode(&shop());
    paste.set_value(&good[..good.len() - 5]);
    fire(&paste, "input");
    button(&root, "Open link").click();
    settle().await;
    assert_eq!(design(state), shop());
    let alert = one(&root, "[role=alert]").text_content().unwrap();
    assert!(alert.contains("Your design was kept"), "{alert}");
    assert!(state.banner.get_untracked().is_some_and(|b| b.error));
    root.remove();
}

#[wasm_bindgen_test]
async fn resources_table_follows_every_edit_and_budget_edits_are_commands() {
    let root = host();
    let state = AppState::new(shop());
    let _m = mount_with(&root, state, || view! { <ResourcesPanel /> });
    settle().await;

    let prod_containers = || {
        one(&root, ".totals__row--containers .env-prod")
            .text_content()
            .unwrap()
    };
    let expected = planner::plan(&design(state))
        .env(Environment::Prod)
        .total
        .replicas;
    assert_eq!(prod_containers(), expected.to_string());
    assert!(
        !all(&root, ".chart__segment").is_empty(),
        "the tier chart has bars"
    );
    assert!(
        !all(&root, ".cluster__node").is_empty(),
        "the cluster view has nodes"
    );

    state
        .dispatch(Command::AddService {
            kind: "redis".into(),
            tier: Tier::Data,
            index: None,
            name: None,
        })
        .unwrap();
    settle().await;
    let after = planner::plan(&design(state))
        .env(Environment::Prod)
        .total
        .replicas;
    assert!(after > expected);
    assert_eq!(prod_containers(), after.to_string(), "live on every edit");

    let cpu: HtmlInputElement = one(&root, "#plan-budget-cpu").unchecked_into();
    cpu.set_value("2.5");
    fire(&cpu, "change");
    settle().await;
    assert_eq!(design(state).settings.budget.cpu_m, 2500);
    let node_mem: HtmlInputElement = one(&root, "#plan-node-memory").unchecked_into();
    node_mem.set_value("1.5");
    fire(&node_mem, "change");
    settle().await;
    assert_eq!(design(state).settings.node.memory_mb, 1536);

    cpu.set_value("lots");
    fire(&cpu, "change");
    settle().await;
    assert_eq!(
        design(state).settings.budget.cpu_m,
        2500,
        "bad text changes nothing"
    );
    assert_eq!(cpu.get_attribute("aria-invalid").as_deref(), Some("true"));

    state.undo();
    settle().await;
    assert_eq!(
        design(state).settings.node.memory_mb,
        8192,
        "each field commit is one undo step"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn import_replaces_the_design_and_lists_the_notices() {
    clear_recents();
    let root = host();
    let state = AppState::new(shop());
    let _m = mount_with(&root, state, || view! { <ImportButton /> });
    settle().await;
    button(&root, "Import").click();
    settle().await;

    let text: HtmlTextAreaElement = one(&root, "textarea").unchecked_into();
    text.set_value("version: '3.8'\nservices:\n  db:\n    image: postgres:16\n    shm_size: 256m\n  api:\n    image: example/api:1.0\n    environment:\n      DATABASE_URL: postgres://db:5432/app\n");
    fire(&text, "input");
    button(&root, "Load design").click();
    sleep(50).await;
    settle().await;

    let names: Vec<String> = design(state)
        .services
        .iter()
        .map(|s| s.name.clone())
        .collect();
    assert_eq!(names, ["db", "api"]);
    let result = one(&root, ".import__result").text_content().unwrap();
    assert!(result.contains("Imported 2 services"), "{result}");
    assert!(
        !all(&root, ".import__notice").is_empty(),
        "notices listed: {result}"
    );
    assert_eq!(
        recents::load().first().map(|r| r.name.as_str()),
        Some("shop")
    );

    // A syntax error says where, and keeps the board.
    text.set_value("services:\n  web: [unclosed\n");
    fire(&text, "input");
    button(&root, "Load design").click();
    sleep(50).await;
    settle().await;
    let alert = one(&root, "[role=alert]").text_content().unwrap();
    assert!(alert.contains("line"), "{alert}");
    assert_eq!(design(state).services.len(), 2);
    clear_recents();
    root.remove();
}

#[wasm_bindgen_test]
async fn files_panel_lists_the_generated_files_and_shows_the_selected_one() {
    let root = host();
    let state = AppState::new(shop());
    let _m = mount_with(&root, state, || view! { <FilesPanel /> });
    // The project comes from the worker's work (done in the page here), after a paint
    // (or 100 ms in a page that paints no frames).
    sleep(250).await;
    settle().await;
    let files = tierboard::generate::project(&design(state));
    if files.is_empty() {
        // The generator is not written yet: the panel says so rather than showing nothing.
        assert!(one(&root, ".panel__empty")
            .text_content()
            .unwrap()
            .contains("no files"));
        root.remove();
        return;
    }
    let picks = all(&root, ".files__pick");
    assert_eq!(picks.len(), files.len());
    let last = files.last().unwrap();
    picks.last().unwrap().click();
    settle().await;
    assert_eq!(
        picks
            .last()
            .unwrap()
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    let shown = one(&root, ".files__code").text_content().unwrap();
    assert_eq!(shown.trim_end(), last.contents.trim_end());
    root.remove();
}

#[wasm_bindgen_test]
fn a_files_lines_are_keyed_by_their_text_and_rank_among_equal_lines() {
    use tierboard::ui::panels::highlight::keyed_lines;
    let key = |text: &str| keyed_lines(text);
    let before = key("services:\n  a:\n    restart: always\n  b:\n    restart: always\n");
    assert_eq!(
        before,
        [
            ("services:".to_string(), 0),
            ("  a:".to_string(), 0),
            ("    restart: always".to_string(), 0),
            ("  b:".to_string(), 0),
            ("    restart: always".to_string(), 1),
        ]
    );
    // Removing a's block keeps every other line's key except the last equal line's rank: the
    // view removes two elements, re-creates none of b's.
    let after = key("services:\n  b:\n    restart: always\n");
    let kept: Vec<_> = after.iter().filter(|k| before.contains(k)).collect();
    assert_eq!(kept.len(), after.len(), "{after:?}");
    assert_eq!(key(""), []);
}

#[wasm_bindgen_test]
fn highlighting_covers_each_line_exactly_and_marks_keys_strings_and_comments() {
    use tierboard::ui::panels::highlight::{line, Syntax, Token};
    type Case<'a> = (Syntax, &'a str, &'a [(Token, &'a str)]);
    let cases: &[Case] = &[
        (
            Syntax::Yaml,
            "  image: \"nginx:1.27\" # pinned",
            &[
                (Token::Plain, "  "),
                (Token::Key, "image"),
                (Token::Plain, ": "),
                (Token::String, "\"nginx:1.27\""),
                (Token::Plain, " "),
                (Token::Comment, "# pinned"),
            ],
        ),
        (
            Syntax::Yaml,
            "  - name: web",
            &[
                (Token::Plain, "  - "),
                (Token::Key, "name"),
                (Token::Plain, ": web"),
            ],
        ),
        (
            Syntax::Yaml,
            "      - \"8080:80\"",
            &[(Token::Plain, "      - "), (Token::String, "\"8080:80\"")],
        ),
        (
            Syntax::Dockerfile,
            "FROM node:22-alpine",
            &[(Token::Key, "FROM"), (Token::Plain, " node:22-alpine")],
        ),
        (
            Syntax::Shell,
            "POSTGRES_PASSWORD=change-me",
            &[
                (Token::Key, "POSTGRES_PASSWORD"),
                (Token::Plain, "=change-me"),
            ],
        ),
        (
            Syntax::Shell,
            "curl -fsS http://x/#frag",
            &[(Token::Plain, "curl -fsS http://x/#frag")],
        ),
        (
            Syntax::Yaml,
            "  x: 'unclosed",
            &[
                (Token::Plain, "  "),
                (Token::Key, "x"),
                (Token::Plain, ": "),
                (Token::String, "'unclosed"),
            ],
        ),
    ];
    for (syntax, text, expected) in cases {
        let got = line(*syntax, text);
        assert_eq!(&got, expected, "{text}");
        assert_eq!(got.iter().map(|(_, s)| *s).collect::<String>(), *text);
    }
    assert_eq!(Syntax::of("services/api/Dockerfile"), Syntax::Dockerfile);
    assert_eq!(Syntax::of("docker-compose.prod.yml"), Syntax::Yaml);
    assert_eq!(Syntax::of("scripts/smoke-test.sh"), Syntax::Shell);
    // Odd input (multi-byte text, lone quotes and hashes) never panics and loses nothing.
    for text in ["é: 'ü", "#", "'", "\"#\"", "a:#b", "ÄÖ=\"x", "   ", ""] {
        for syntax in [
            Syntax::Yaml,
            Syntax::Dockerfile,
            Syntax::Shell,
            Syntax::Plain,
        ] {
            assert_eq!(
                line(syntax, text)
                    .iter()
                    .map(|(_, s)| *s)
                    .collect::<String>(),
                text
            );
        }
    }
}

#[wasm_bindgen_test]
async fn checklist_scores_live_fixes_one_rule_or_all_safe_ones_and_selects_services() {
    use tierboard::rules;
    use tierboard::ui::panels::ChecklistPanel;
    use tierboard::ui::Selection;
    let root = host();
    let state = AppState::new(shop());
    let _m = mount_with(&root, state, || view! { <ChecklistPanel /> });
    settle().await;
    let score = || {
        one(&root, ".checklist__score-value")
            .text_content()
            .unwrap()
    };
    let report = rules::check(&design(state));
    assert_eq!(score(), report.score.to_string());
    assert_eq!(all(&root, ".check--fail").len(), report.findings().count());

    // A service named in a finding selects it on the canvas.
    let service = one(&root, ".check__service");
    let name = service.text_content().unwrap();
    service.click();
    settle().await;
    let selected = design(state).service_by_name(&name).map(|s| s.id);
    assert_eq!(
        state.selection.get_untracked(),
        Selection::Service(selected.unwrap())
    );

    // "Fix" is one undo step.
    let fix = one(&root, ".check__fix");
    fix.click();
    settle().await;
    assert!(state.can_undo().get_untracked());
    let after_one = rules::check(&design(state));
    assert!(
        after_one.findings().count() < report.findings().count() || after_one.score > report.score
    );
    assert_eq!(score(), after_one.score.to_string(), "live");
    state.undo();
    settle().await;
    assert_eq!(design(state), shop());

    // "Fix all" applies every safe fix as one undo step.
    button(
        &root,
        &format!(
            "Fix all ({})",
            report.findings().filter(|f| f.safe_fix).count()
        ),
    )
    .click();
    settle().await;
    let fixed = rules::check(&design(state));
    assert!(
        fixed.score > report.score,
        "{} → {}",
        report.score,
        fixed.score
    );
    assert_eq!(fixed.findings().filter(|f| f.safe_fix).count(), 0);
    state.undo();
    assert_eq!(design(state), shop(), "one undo reverts them all");
    root.remove();
}

#[wasm_bindgen_test]
async fn side_panel_tabs_show_the_live_score_and_the_resource_warnings() {
    use tierboard::rules;
    use tierboard::ui::SidePanel;
    let root = host();
    let state = AppState::new(shop());
    let _m = mount_with(&root, state, || view! { <SidePanel /> });
    settle().await;
    let tab = |label: &str| {
        all(&root, "[role=tab]")
            .into_iter()
            .find(|t| t.text_content().unwrap_or_default().starts_with(label))
            .unwrap_or_else(|| panic!("no tab {label}"))
    };
    let score = rules::check(&design(state)).score;
    let checklist = tab("Checklist");
    // The tab's name is its content (shown badge, hidden words around it).
    assert_eq!(
        checklist.text_content().unwrap(),
        format!("Checklist score {score} of 100")
    );
    assert_eq!(
        one(&checklist, ".side-panel__badge")
            .text_content()
            .unwrap(),
        score.to_string()
    );

    // Fix all raises the score; the tab follows without being opened.
    let fix = rules::fix_all(&design(state)).expect("the starter has safe fixes");
    state.dispatch(fix).unwrap();
    settle().await;
    assert_eq!(
        one(&checklist, ".side-panel__badge")
            .text_content()
            .unwrap(),
        score.to_string(),
        "worked out a moment after the edit, not during it"
    );
    sleep(400).await;
    settle().await;
    let fixed = rules::check(&design(state)).score;
    assert!(fixed > score);
    assert_eq!(
        one(&checklist, ".side-panel__badge")
            .text_content()
            .unwrap(),
        fixed.to_string()
    );

    // A budget far too small for the design: the Resources tab counts the planner's warnings.
    let resources = tab("Resources");
    let before = planner::plan(&design(state)).warnings.len();
    let mut settings = design(state).settings.clone();
    settings.budget.cpu_m = 100;
    settings.budget.memory_mb = 64;
    state.dispatch(Command::SetSettings { settings }).unwrap();
    sleep(400).await;
    settle().await;
    let warnings = planner::plan(&design(state)).warnings.len();
    assert!(warnings > before, "{before} → {warnings}");
    assert_eq!(
        one(&resources, ".side-panel__badge")
            .text_content()
            .unwrap(),
        warnings.to_string()
    );
    assert!(resources
        .text_content()
        .unwrap()
        .ends_with(&format!("{warnings} warnings")));
    root.remove();
}
