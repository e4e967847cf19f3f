//! Java Dockerfile: `javac` + `jar` in the JDK image (no build tool to download), the jar on the
//! JRE image, both on Alpine so that busybox `wget` checks `/health` in either stage.

use super::common::{dockerfile as stages, AppStages};
use crate::generate::project_files::template::fill;
use crate::generate::project_files::{app::App, pins};

const BUILD: &str = r#"FROM @JDK@ AS build
WORKDIR /src
COPY App.java ./
RUN javac --release 21 -d classes App.java \
 && jar --create --file app.jar --main-class App -C classes .
"#;

/// Compiles on every start, like the `build` stage but into /tmp.
const DEVELOPMENT: &str = r#"# Compiled into /tmp on every start (sources may be bind-mounted). JAVA_TOOL_OPTIONS (e.g. the
# debugger agent of the dev override) is meant for the app only, not for javac and jar.
FROM @JDK@ AS development
ENV PORT=@PORT@
WORKDIR /app
COPY App.java ./
"#;

const PRODUCTION: &str = r#"FROM @JRE@ AS production
ENV PORT=@PORT@
WORKDIR /app
COPY --from=build /src/app.jar ./app.jar
"#;

/// The JVM's start period in both stages.
const START: u32 = 60;

pub fn dockerfile(app: &App) -> String {
    let s = AppStages::of(app);
    let vars = [
        ("JDK", pins::JAVA_JDK),
        ("JRE", pins::JAVA_JRE),
        ("PORT", s.port()),
    ];
    let dev_entrypoint = [
        "/bin/sh",
        "-c",
        "env -u JAVA_TOOL_OPTIONS javac -d /tmp/classes App.java && env -u JAVA_TOOL_OPTIONS jar --create --file /tmp/app.jar --main-class App -C /tmp/classes . && exec java -XX:-UsePerfData -jar /tmp/app.jar \"$@\"",
        "app",
    ];
    let entrypoint = [
        "java",
        "-XX:MaxRAMPercentage=75.0",
        "-XX:-UsePerfData",
        "-jar",
        "/app/app.jar",
    ];
    stages(
        app,
        &[
            fill(BUILD, &vars),
            fill(DEVELOPMENT, &vars) + &s.serve(START, &dev_entrypoint, &s.mode_cmd()),
            fill(PRODUCTION, &vars) + &s.serve(START, &entrypoint, &s.mode_cmd()),
        ],
    )
}
