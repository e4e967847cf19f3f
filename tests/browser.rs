//! Browser tests: the web app mounted in headless Chromium (wasm-bindgen-test).
//!
//! Run with `make test-wasm` (wasm-bindgen-test-runner drives /usr/bin/chromedriver; the browser
//! flags are in webdriver.json). Leptos updates the DOM asynchronously: every test awaits
//! `tick()` between mounting or changing state and reading the DOM.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use tierboard::model::{Build, Design, Image, Language, Service, ServiceId, Tier};
use tierboard::ui::autosave::{restore_from, Restored, KEY};
use tierboard::ui::drag::{insertion_bar, insertion_index, Rect};
use tierboard::ui::{
    keyboard_move, link_caption, opening_design, palette_matches, route_path, App, Board, CardFace,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element on the page to mount into, so tests never see each other's DOM. The saved
/// design is cleared first: the app opens with what localStorage holds.
fn host() -> HtmlElement {
    // The test page has no worker script: the worker's work is done in the page.
    tierboard::ui::offload::run_in_page(tierboard::offload::handle);
    if let Ok(Some(storage)) = window().local_storage() {
        let _ = storage.remove_item(KEY);
    }
    let doc = document();
    let host: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&host).unwrap();
    host
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into())
        .collect()
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    all(root, selector)
        .iter()
        .map(|e| e.text_content().unwrap_or_default())
        .collect()
}

/// The lane elements by accessible name.
fn lanes(root: &Element) -> Vec<(String, Element)> {
    all(root, "section[role=region]")
        .into_iter()
        .map(|e| (e.get_attribute("aria-label").unwrap_or_default(), e))
        .collect()
}

#[wasm_bindgen_test]
async fn app_shows_three_tier_lanes_holding_the_opening_patterns_services() {
    let root = host();
    let _mounted = leptos::mount::mount_to(root.clone(), App);
    tick().await;

    let design = opening_design();
    assert!(
        !design.services.is_empty(),
        "the opening pattern has services"
    );
    let lanes = lanes(&root);
    let names: Vec<&str> = lanes.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, ["Frontend tier", "Backend tier", "Data tier"]);

    for ((_, lane), tier) in lanes.iter().zip(Tier::ALL) {
        let expected: Vec<&str> = design
            .tier_services(tier)
            .map(|s| s.name.as_str())
            .collect();
        assert_eq!(
            texts(lane, ".card__name"),
            expected,
            "{tier} lane, in board order"
        );
        for card in all(lane, ".card") {
            assert!(
                card.class_list().contains(&format!("tier-{}", tier.id())),
                "card carries its tier colour"
            );
        }
    }
    assert_eq!(texts(&root, ".app-header__design-name"), [design.name]);
    root.remove();
}

#[wasm_bindgen_test]
async fn cards_show_monogram_kind_and_source() {
    let root = host();
    let _mounted = leptos::mount::mount_to(root.clone(), App);
    tick().await;

    for service in &opening_design().services {
        let face = CardFace::of(service);
        let card = all(&root, ".card")
            .into_iter()
            .find(|c| texts(c, ".card__name") == [service.name.clone()])
            .unwrap_or_else(|| panic!("no card for {}", service.name));
        assert_eq!(texts(&card, ".card__monogram"), [face.monogram]);
        assert_eq!(texts(&card, ".card__kind"), [face.kind]);
        assert_eq!(texts(&card, ".card__source"), [face.source]);
    }
    root.remove();
}

#[wasm_bindgen_test]
async fn board_without_app_state_shows_empty_lanes_instead_of_panicking() {
    let root = host();
    let _mounted = leptos::mount::mount_to(root.clone(), Board);
    tick().await;

    assert_eq!(lanes(&root).len(), 3);
    assert_eq!(texts(&root, ".lane__empty").len(), 3);
    assert!(all(&root, ".card").is_empty());
    root.remove();
}

#[wasm_bindgen_test]
fn card_face_names_image_or_build_and_copes_with_unknown_kinds() {
    let mut s = Service::new(ServiceId(1), "cache", "memcached-x", Tier::Data);
    assert_eq!(CardFace::of(&s).source, "no image yet");
    assert_eq!(CardFace::of(&s).monogram, "Me");
    assert_eq!(CardFace::of(&s).kind, "memcached-x");

    s.image = Some(Image::new("memcached", "1.6-alpine"));
    assert_eq!(CardFace::of(&s).source, "memcached:1.6-alpine");

    s.build = Some(Build::scaffold(Language::Go));
    assert_eq!(
        CardFace::of(&s).source,
        "build: go",
        "a build wins over the image it tags"
    );

    let mut imported = Build::scaffold(Language::Go);
    imported.language = None;
    imported.context = "./services/users".into();
    s.build = Some(imported);
    assert_eq!(CardFace::of(&s).source, "build: ./services/users");

    let odd = Service::new(ServiceId(2), "x", "", Tier::Data);
    assert_eq!(CardFace::of(&odd).monogram, "?");
}

#[wasm_bindgen_test]
async fn a_stored_design_is_restored_and_a_corrupt_one_is_kept_with_its_reason() {
    let restored =
        |raw: Option<String>| async move { restore_from(raw).await.expect("no chunk to load") };
    assert_eq!(restored(None).await, Restored::Nothing);
    let design = opening_design();
    // The link form autosave writes, and the JSON earlier builds wrote.
    let link = tierboard::share::saved::to_saved(&design).expect("a link holds it");
    assert_eq!(restored(Some(link)).await, Restored::Design(design.clone()));
    assert_eq!(
        restored(Some(design.to_json())).await,
        Restored::Design(design)
    );
    match restored(Some("{\"name\": ".to_string())).await {
        Restored::Corrupt { raw, reason } => {
            assert_eq!(raw, "{\"name\": ");
            assert!(reason.contains("line 1"), "{reason}");
        }
        other => panic!("expected Corrupt, got {other:?}"),
    }
    // Parses, but is not a valid design: a link to a service that does not exist.
    let mut bad = Design::new("x");
    bad.links.push(tierboard::model::Link::new(
        ServiceId(1),
        ServiceId(2),
        Default::default(),
    ));
    assert!(matches!(
        restored(Some(bad.to_json())).await,
        Restored::Corrupt { .. }
    ));
}

#[wasm_bindgen_test]
async fn the_app_opens_the_saved_design() {
    let root = host();
    let mut saved = Design::new("saved-board");
    let mut only = Service::new(ServiceId(9), "only", "custom", Tier::Data);
    only.image = Some(Image::new("busybox", "1.36"));
    saved.services.push(only);
    if let Ok(Some(storage)) = window().local_storage() {
        storage.set_item(KEY, &saved.to_json()).unwrap();
    }
    let _mounted = leptos::mount::mount_to(root.clone(), App);
    tick().await;
    assert_eq!(texts(&root, ".app-header__design-name"), ["saved-board"]);
    assert_eq!(texts(&root, ".card__name"), ["only"]);
    root.remove();
}

fn card_at(x: f64, y: f64) -> Rect {
    Rect {
        x,
        y,
        w: 100.0,
        h: 50.0,
    }
}

#[wasm_bindgen_test]
fn drop_index_follows_reading_order_across_wrapped_rows() {
    let cards = [card_at(0.0, 0.0), card_at(120.0, 0.0), card_at(0.0, 60.0)];
    assert_eq!(
        insertion_index(&cards, (10.0, 10.0)),
        0,
        "left half of the first card"
    );
    assert_eq!(
        insertion_index(&cards, (60.0, 10.0)),
        1,
        "right half of the first card"
    );
    assert_eq!(
        insertion_index(&cards, (300.0, 10.0)),
        2,
        "end of the first row"
    );
    assert_eq!(
        insertion_index(&cards, (10.0, 70.0)),
        2,
        "start of the second row"
    );
    assert_eq!(
        insertion_index(&cards, (90.0, 70.0)),
        3,
        "after the last card"
    );
    assert_eq!(insertion_index(&[], (0.0, 0.0)), 0, "an empty lane");
    let bar = insertion_bar(&cards, 1, Rect::default());
    assert!(
        bar.x > 100.0 && bar.x < 120.0,
        "the bar sits in the gap before the second card: {bar:?}"
    );
}

#[wasm_bindgen_test]
fn alt_arrows_move_between_tiers_and_reorder_within_one() {
    assert_eq!(
        keyboard_move("ArrowUp", Tier::Backend, 1, 2),
        Some((Tier::Frontend, 1))
    );
    assert_eq!(
        keyboard_move("ArrowDown", Tier::Backend, 0, 2),
        Some((Tier::Data, 0))
    );
    assert_eq!(
        keyboard_move("ArrowUp", Tier::Frontend, 0, 1),
        None,
        "nothing above the frontend"
    );
    assert_eq!(
        keyboard_move("ArrowDown", Tier::Data, 0, 1),
        None,
        "nothing below the data tier"
    );
    assert_eq!(keyboard_move("ArrowLeft", Tier::Data, 0, 3), None);
    assert_eq!(
        keyboard_move("ArrowLeft", Tier::Data, 2, 3),
        Some((Tier::Data, 1))
    );
    assert_eq!(keyboard_move("ArrowRight", Tier::Data, 2, 3), None);
    assert_eq!(
        keyboard_move("ArrowRight", Tier::Data, 0, 3),
        Some((Tier::Data, 1))
    );
}

#[wasm_bindgen_test]
fn a_route_is_drawn_as_its_polyline_in_whole_pixels() {
    use tierboard::diagram::Point;
    let p = |x, y| Point { x, y };
    assert_eq!(
        route_path(&[p(10, 92), p(10, 140), p(250, 140), p(250, 188)]),
        "M10,92 L10,140 L250,140 L250,188"
    );
    assert_eq!(route_path(&[]), "", "no route, no path");
}

#[wasm_bindgen_test]
fn a_link_label_says_sync_or_async_and_what_the_target_speaks() {
    use tierboard::model::{Link, LinkKind, Port};
    let mut design = Design::new("shop");
    let mut api = Service::new(ServiceId(1), "api", "python-api", Tier::Backend);
    api.ports = vec![Port::internal(8000)];
    let mut mq = Service::new(ServiceId(2), "mq", "rabbitmq", Tier::Data);
    mq.ports = vec![Port::internal(5672), Port::internal(15672)];
    let web = Service::new(ServiceId(3), "web", "custom", Tier::Frontend);
    design.services = vec![api, mq, web];
    let link = |from, to, kind| Link::new(ServiceId(from), ServiceId(to), kind);
    assert_eq!(
        link_caption(&design, &link(3, 1, LinkKind::Sync)),
        "sync · HTTP :8000"
    );
    assert_eq!(
        link_caption(&design, &link(1, 2, LinkKind::Async)),
        "async · AMQP :5672",
        "the target's first port"
    );
    assert_eq!(
        link_caption(&design, &link(1, 3, LinkKind::Sync)),
        "sync · TCP",
        "a target without ports"
    );
}

#[wasm_bindgen_test]
fn card_face_badges_show_replicas_exposure_health_and_profiles() {
    use tierboard::model::Port;
    let mut s = Service::new(ServiceId(1), "proxy", "nginx", Tier::Frontend);
    let face = CardFace::of(&s);
    assert_eq!(
        face.exposed_tag(),
        None,
        "nothing published, nothing exposed"
    );
    assert!(!face.healthcheck);
    assert_eq!(face.replicas, 1);

    s.ports = vec![Port::published(80, 8080), Port::internal(9000)];
    s.replicas.prod = 3;
    s.profiles = vec!["debug".into()];
    let face = CardFace::of(&s);
    assert_eq!(
        face.exposed,
        ["127.0.0.1:8080"],
        "loopback unless the design says otherwise"
    );
    assert_eq!(face.exposed_tag().as_deref(), Some("⇡ 127.0.0.1:8080"));
    assert!(!face.exposed_widely);
    assert_eq!(face.replicas, 3);
    assert_eq!(face.profiles, ["debug"]);

    s.ports[1].published = Some(9000);
    s.ports[1].host_ip = Some("0.0.0.0".into());
    let face = CardFace::of(&s);
    assert_eq!(face.exposed_tag().as_deref(), Some("⇡ 127.0.0.1:8080 +1"));
    assert!(face.exposed_widely, "every interface is marked");
}

#[wasm_bindgen_test]
fn palette_search_matches_every_word() {
    let pg = tierboard::catalog::kind("postgres").unwrap();
    assert!(palette_matches(pg, ""));
    assert!(palette_matches(pg, "postgres"));
    assert!(palette_matches(pg, "POSTGRES database"));
    assert!(!palette_matches(pg, "redis"));
}

// ---- Inspector: every model field is editable, one command per field edit ----

mod inspector_fields {
    use super::*;
    use tierboard::model::Autoscaling;
    use tierboard::ui::{AppState, Inspector, Selection};
    use web_sys::HtmlInputElement;

    /// A small valid design (an API and a database), an AppState holding it in context, and the
    /// inspector mounted with `select` selected.
    fn mount_inspector(select: Option<ServiceId>) -> (HtmlElement, AppState, impl Drop) {
        let root = host();
        let mut design = Design::new("shop");
        let mut api = Service::new(ServiceId(1), "api", "python-api", Tier::Backend);
        api.image = Some(Image::new("python", "3.12-slim"));
        let mut db = Service::new(ServiceId(2), "db", "postgres", Tier::Data);
        db.image = Some(Image::new("postgres", "16-alpine"));
        design.services = vec![api, db];
        let app = AppState::new(design);
        app.selection
            .set(select.map_or(Selection::None, Selection::Service));
        let mounted = leptos::mount::mount_to(root.clone(), move || {
            provide_context(app);
            view! { <Inspector /> }
        });
        (root, app, mounted)
    }

    /// The input inside the label whose visible text is `label`.
    fn input(root: &Element, label: &str) -> HtmlInputElement {
        all(root, "label")
            .into_iter()
            .find(|l| l.text_content().unwrap_or_default().trim() == label)
            .and_then(|l| l.query_selector("input").unwrap())
            .unwrap_or_else(|| panic!("no field labelled {label:?}"))
            .unchecked_into()
    }

    fn change(el: &HtmlInputElement, text: &str) {
        el.set_value(text);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        let ev = web_sys::Event::new_with_event_init_dict("change", &init).unwrap();
        el.dispatch_event(&ev).unwrap();
    }

    #[wasm_bindgen_test]
    async fn toggling_autoscaling_dispatches_and_a_refused_range_shows_why() {
        let (root, app, _mounted) = mount_inspector(Some(ServiceId(1)));
        tick().await;
        let autoscaling = move || {
            app.reader()
                .with(|d| d.service(ServiceId(1)).unwrap().autoscaling)
        };
        assert_eq!(autoscaling(), None);

        input(&root, "Autoscale in Kubernetes (HPA)").click();
        tick().await;
        assert_eq!(autoscaling(), Some(Autoscaling::default()));

        change(&input(&root, "Maximum replicas"), "6");
        tick().await;
        assert_eq!(autoscaling().map(|a| a.max), Some(6));

        // min > max: the model refuses; the design is unchanged and the reason is shown.
        change(&input(&root, "Minimum replicas"), "9");
        tick().await;
        assert_eq!(autoscaling().map(|a| a.min), Some(2));
        let errors = texts(&root, ".field__error");
        assert!(
            errors.iter().any(|e| e.contains("min <= max")),
            "refusal shown: {errors:?}"
        );

        app.undo();
        tick().await;
        assert_eq!(
            autoscaling().map(|a| a.max),
            Some(10),
            "one undo step per edit"
        );
        input(&root, "Autoscale in Kubernetes (HPA)").click();
        tick().await;
        assert_eq!(autoscaling(), None);
        root.remove();
    }

    #[wasm_bindgen_test]
    async fn toggling_backup_on_a_data_service_dispatches() {
        let (root, app, _mounted) = mount_inspector(Some(ServiceId(2)));
        tick().await;
        let backup = move || {
            app.reader()
                .with(|d| d.service(ServiceId(2)).unwrap().backup)
        };
        assert!(!backup());
        let check = input(&root, "Back up this service (script + docs)");
        check.click();
        tick().await;
        assert!(backup());
        assert!(check.checked());

        change(&input(&root, "Metrics path"), "/metrics");
        tick().await;
        assert_eq!(
            app.reader()
                .with(|d| d.service(ServiceId(2)).unwrap().metrics_path.clone()),
            Some("/metrics".to_string())
        );
        root.remove();
    }

    #[wasm_bindgen_test]
    async fn backup_is_offered_only_for_data_services() {
        let (root, _app, _mounted) = mount_inspector(Some(ServiceId(1)));
        tick().await;
        assert!(!texts(&root, "label")
            .iter()
            .any(|t| t.contains("Back up this service")));
        root.remove();
    }

    #[wasm_bindgen_test]
    async fn with_nothing_selected_the_design_settings_are_edited() {
        let (root, app, _mounted) = mount_inspector(None);
        tick().await;
        input(&root, "Scan every image in CI").click();
        tick().await;
        assert!(app.reader().with(|d| d.settings.ops.image_scan));

        change(&input(&root, "Design name"), "store");
        tick().await;
        assert_eq!(app.reader().with(|d| d.name.clone()), "store");

        change(
            &input(&root, "Registry for prod images"),
            "registry.example.com/shop",
        );
        tick().await;
        assert_eq!(
            app.reader().with(|d| d.settings.registry.clone()),
            "registry.example.com/shop"
        );
        assert!(
            app.reader().with(|d| d.settings.ops.image_scan),
            "earlier edit kept"
        );
        root.remove();
    }
}
