//! Browser tests: the web app mounted in headless Chromium (wasm-bindgen-test).
//!
//! Run with `make test-wasm` (wasm-bindgen-test-runner drives /usr/bin/chromedriver; the browser
//! flags are in webdriver.json). Leptos updates the DOM asynchronously: every test awaits
//! `tick()` between mounting or changing state and reading the DOM.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use tierboard::model::{Build, Image, Language, Service, ServiceId, Tier};
use tierboard::ui::{opening_design, App, Board, CardFace};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element on the page to mount into, so tests never see each other's DOM.
fn host() -> HtmlElement {
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
