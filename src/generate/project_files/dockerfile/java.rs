//! Java Dockerfile: `javac` + `jar` in the JDK image (no build tool to download), the jar on the
//! JRE image, both on Alpine so that busybox `wget` checks `/health` in either stage.

use super::{exec_form, header, healthcheck};
use crate::generate::project_files::app::healthcheck_test;
use crate::generate::project_files::template::fill;
use crate::generate::project_files::{app::App, pins};

const TEMPLATE: &str = r#"
FROM @JDK@ AS build
WORKDIR /src
COPY App.java ./
RUN javac --release 21 -d classes App.java \
 && jar --create --file app.jar --main-class App -C classes .

# Compiled into /tmp on every start (sources may be bind-mounted). JAVA_TOOL_OPTIONS (e.g. the
# debugger agent of the dev override) is meant for the app only, not for javac and jar.
FROM @JDK@ AS development
ENV PORT=@PORT@
WORKDIR /app
COPY App.java ./
EXPOSE @PORT@
@HEALTHCHECK@USER @USER@
ENTRYPOINT ["/bin/sh", "-c", "env -u JAVA_TOOL_OPTIONS javac -d /tmp/classes App.java && env -u JAVA_TOOL_OPTIONS jar --create --file /tmp/app.jar --main-class App -C /tmp/classes . && exec java -XX:-UsePerfData -jar /tmp/app.jar \"$@\"", "app"]
CMD @CMD@

FROM @JRE@ AS production
ENV PORT=@PORT@
WORKDIR /app
COPY --from=build /src/app.jar ./app.jar
EXPOSE @PORT@
@HEALTHCHECK@USER @USER@
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75.0", "-XX:-UsePerfData", "-jar", "/app/app.jar"]
CMD @CMD@
"#;

pub fn dockerfile(app: &App) -> String {
    let port = app.port_text();
    let test = healthcheck_test(app);
    let test: Vec<&str> = test.iter().map(String::as_str).collect();
    let body = fill(
        TEMPLATE,
        &[
            ("JDK", pins::JAVA_JDK),
            ("JRE", pins::JAVA_JRE),
            ("PORT", &port),
            ("HEALTHCHECK", &healthcheck(60, &test)),
            ("USER", pins::APP_USER),
            ("CMD", &exec_form(&[app.mode.arg()])),
        ],
    );
    header(app) + &body
}
