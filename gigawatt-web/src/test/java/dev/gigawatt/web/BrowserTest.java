package dev.gigawatt.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigawatt.fixtures.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in headless Chromium (Debian's chromium and chromium-driver, which {@code .ci/run}
 * installs), driven as a person would: type a bad value, see the marker and the validator's
 * message, fix it and see the plan change; with no JavaScript errors in the console. Skipped, with
 * the reason, where Chromium or its driver is not installed.
 */
class BrowserTest {
    private static final Path CHROMIUM = Chromium.BINARY;
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Where the screenshots of the page, with the marker and with the updated plan, are kept. */
    static final Path SCREENSHOTS = Path.of("target", "browser-test");

    @TempDir
    static Path folder;

    static TestServer server;
    static WebDriver driver;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "headless Chromium or its driver is not installed at " + CHROMIUM + " and " + CHROMEDRIVER
                        + " (apt-get install -y chromium chromium-driver)");
        server = new TestServer(folder);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(Chromium.OFFLINE_HEADLESS);
        options.addArguments("--window-size=1400,900", "--user-data-dir=" + folder.resolve("profile"));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void editor_badValueShowsTheValidatorsMarker_fixShowsTheNewPlan_noConsoleErrors() throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get(server.base + "/");
        wait.until(d -> text("headline").contains("fits its grid capacity"));
        assertThat(cellsOf("sites")).contains("100");

        // Put the cursor after "100" in capacity: "100 MW" and type over it, key by key.
        WebElement content = driver.findElement(By.cssSelector("#editor .cm-content"));
        ((JavascriptExecutor) driver)
                .executeScript("const v = window.gigawatt.editor; const at = v.state.doc.toString()"
                        + ".indexOf('capacity: \"100 MW\"') + 'capacity: \"100'.length;"
                        + " v.dispatch({selection: {anchor: at}}); v.focus();");
        content.sendKeys(Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, "-5");

        wait.until(d ->
                !d.findElements(By.cssSelector("#editor .cm-lintRange-error")).isEmpty()
                        && text("problems").contains("sites[0].capacity"));
        assertThat(text("problems"))
                .isEqualTo("scenario.yaml:15: sites[0].capacity: must be > 0 and at most 1 TW, got \"-5 MW\"");
        assertThat(driver.findElements(By.cssSelector("#editor .cm-lint-marker-error")))
                .isNotEmpty();
        assertThat(driver.findElement(By.id("plan")).getAttribute("class")).contains("stale");
        screenshot("editor-problem.png");

        content.sendKeys(Keys.BACK_SPACE, Keys.BACK_SPACE, "40");

        wait.until(d -> text("problems").isEmpty() && text("headline").contains("does not fit"));
        assertThat(driver.findElements(By.cssSelector("#editor .cm-lintRange-error")))
                .isEmpty();
        assertThat(cellsOf("sites")).contains("40").contains("NO");

        screenshot("editor-plan.png");

        assertThat(severeConsoleErrors()).as("JavaScript console errors").isEmpty();
    }

    @Test
    void runs_twoTickedAndCompared_showKpiDifferencesAndOverlaidPower_hostileNameStaysText() throws Exception {
        String hostile = "<img src=x onerror=window.__pwned=1>";
        String first = simulated(RunsApiTest.MONTH);
        String second = simulated(RunsApiTest.MONTH
                .replace("name: quickstart", "name: '" + hostile + "'")
                .replace("seed: 42", "seed: 43"));
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get(server.base + "/");
        driver.findElement(By.id("tab-runs")).click();
        wait.until(d -> d.findElements(By.cssSelector("#runs tr.run")).size() >= 2);
        driver.findElement(By.cssSelector("#runs tr[data-run-id='" + first + "'] td:nth-child(2)"))
                .click();
        wait.until(d -> !d.findElements(By.cssSelector("#downloads a")).isEmpty());
        assertThat(driver.findElements(By.cssSelector("#downloads a")).stream().map(a -> a.getAttribute("href")))
                .contains(server.base + "/api/runs/" + first + "/tables/site_hourly.csv")
                .noneMatch(href -> href.contains("sweep_points"));
        tick(first);
        tick(second);
        WebElement button = driver.findElement(By.id("compare-selected"));
        assertThat(button.isEnabled()).isTrue();
        button.click();

        wait.until(d -> !d.findElements(By.cssSelector("#compare-chart canvas")).isEmpty()
                && cellsOf("compare-kpis").contains("energy_mwh"));
        assertThat(driver.findElement(By.id("compare-kpis")).getText()).contains("B − A", "B / A", "MWh");
        assertThat(text("compare-runs")).contains("A: " + first, "B: " + second, hostile);
        Object tooltip = ((JavascriptExecutor) driver)
                .executeScript("const c = window.gigawatt.compareChart;"
                        + " c.dispatchAction({type: 'showTip', seriesIndex: 1, dataIndex: 10});"
                        + " return document.querySelector('#compare-chart').innerText;");
        assertThat(String.valueOf(tooltip)).contains(hostile).contains("MW");
        assertThat(driver.findElements(By.cssSelector("#compare img"))).isEmpty();
        assertThat(((JavascriptExecutor) driver).executeScript("return window.__pwned === undefined"))
                .isEqualTo(true);
        screenshot("runs-compare.png");

        driver.findElement(By.id("runs-search")).sendKeys("onerror");
        wait.until(d -> text("runs-count").equals("1 run"));
        assertThat(driver.findElements(By.cssSelector("#runs tr.run")))
                .singleElement()
                .satisfies(row -> assertThat(row.getAttribute("data-run-id")).isEqualTo(second));
        assertThat(severeConsoleErrors()).as("JavaScript console errors").isEmpty();
    }

    @Test
    void planCharts_appearWithThePlanAndFollowTheScenario() throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get(server.base + "/");
        wait.until(d -> text("headline").contains("fits its grid capacity"));
        wait.until(d -> !d.findElements(By.cssSelector("#chart-power canvas")).isEmpty()
                && !d.findElements(By.cssSelector("#chart-capex canvas")).isEmpty());
        assertThat(chartValue("chart-power", 2)).isEqualTo(100L); // the capacity bar: 100 MW
        Object peak = chartValue("chart-power", 0);

        ((JavascriptExecutor) driver)
                .executeScript("const v = window.gigawatt.editor, t = v.state.doc.toString();"
                        + " const at = t.indexOf('capacity: \"100 MW\"') + 'capacity: \"'.length;"
                        + " v.dispatch({changes: {from: at, to: at + 3, insert: '250'}});"
                        + " const c = v.state.doc.toString().indexOf('count: 32768') + 'count: '.length;"
                        + " v.dispatch({changes: {from: c, to: c + 5, insert: '65536'}});");

        wait.until(d -> Long.valueOf(250).equals(chartValue("chart-power", 2)));
        assertThat(chartValue("chart-power", 0)).isNotEqualTo(peak);
        assertThat(((Number) chartValue("chart-power", 0)).doubleValue())
                .isGreaterThan(((Number) peak).doubleValue() * 1.5);
        screenshot("plan-charts.png");
        assertThat(severeConsoleErrors()).as("JavaScript console errors").isEmpty();
    }

    @Test
    void sweep_writtenInItsTab_showsItsProblems_runsAndOpensItsReport() throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        driver.get(server.base + "/");
        wait.until(d -> text("headline").contains("fits its grid capacity"));
        driver.findElement(By.id("file-sweep")).click();
        JavascriptExecutor js = (JavascriptExecutor) driver;
        wait.until(d -> String.valueOf(js.executeScript("return window.gigawatt.sweepEditor.state.doc.toString()"))
                .contains("sites[columbus].pue"));
        assertThat(driver.findElement(By.id("editor")).isDisplayed()).isFalse();

        js.executeScript("const v = window.gigawatt.sweepEditor, t = v.state.doc.toString();"
                + " const at = t.indexOf('mode: plan') + 'mode: pla'.length;"
                + " v.dispatch({changes: {from: at, to: at + 1, insert: 'm'}});");
        wait.until(d -> !d.findElements(By.cssSelector("#sweep-editor .cm-lintRange-error"))
                        .isEmpty()
                && !text("sweep-problems").isEmpty());
        assertThat(text("sweep-problems"))
                .isEqualTo("sweep.yaml:5: mode: must be one of plan, simulate, got \"plam\"; did you mean 'plan'?");
        screenshot("sweep-problem.png");
        js.executeScript("const v = window.gigawatt.sweepEditor, t = v.state.doc.toString();"
                + " const at = t.indexOf('mode: plam') + 'mode: pla'.length;"
                + " v.dispatch({changes: {from: at, to: at + 1, insert: 'n'}});");
        wait.until(d -> text("sweep-problems").isEmpty()
                && d.findElements(By.cssSelector("#sweep-editor .cm-lintRange-error"))
                        .isEmpty());

        driver.findElement(By.id("sweep")).click();
        wait.until(d -> text("sim-status").startsWith("recorded sweep "));
        String runId = text("sim-status").substring("recorded sweep ".length());
        driver.findElement(By.id("open-run")).click();

        wait.until(d -> d.findElement(By.id("view-runs")).isDisplayed()
                && String.valueOf(d.findElement(By.id("report")).getAttribute("src"))
                        .endsWith("/api/runs/" + runId + "/report"));
        assertThat(driver.findElement(By.cssSelector("#runs tr[data-run-id='" + runId + "']"))
                        .getText())
                .contains("sweep", "pue-sweep");
        driver.switchTo().frame("report");
        try {
            wait.until(d -> d.findElement(By.id("title")).getText().endsWith("sweep")
                    && !d.findElements(By.cssSelector(".chart canvas")).isEmpty());
            assertThat(driver.findElement(By.id("js-errors")).getText()).isEmpty();
        } finally {
            driver.switchTo().defaultContent();
        }
        screenshot("sweep-report.png");
        assertThat(severeConsoleErrors()).as("JavaScript console errors").isEmpty();
    }

    @Test
    void catalog_filterNarrowsTheEntriesToThoseMentioningIt() throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get(server.base + "/");
        driver.findElement(By.id("tab-catalog")).click();
        wait.until(d -> text("catalog-count").endsWith("accelerators"));
        int all = driver.findElements(By.cssSelector("#catalog tr.entry")).size();

        driver.findElement(By.id("catalog-filter")).sendKeys("h100");

        wait.until(d -> d.findElements(By.cssSelector("#catalog tr.entry")).size() < all);
        List<WebElement> rows = driver.findElements(By.cssSelector("#catalog tr.entry"));
        assertThat(rows).isNotEmpty();
        assertThat(rows).allSatisfy(r -> assertThat(r.getText().toLowerCase(Locale.ROOT))
                .contains("h100"));
        assertThat(text("catalog-count")).isEqualTo(rows.size() + " of " + all + " accelerators");
        assertThat(cellsOf("catalog")).anyMatch(c -> c.startsWith("H100-SXM (H100,"));
        screenshot("catalog.png");
    }

    @Test
    void editor_completesKeysAndCatalogNamesFromTheSchema() throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get(server.base + "/");
        wait.until(d -> text("headline").contains("fits its grid capacity"));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        assertThat(js.executeScript("const g = window.gigawatt, t = g.editor.state.doc.toString();"
                        + " return [t.indexOf('grid: US-OH'), t.indexOf('precision: bf16'), t.indexOf('horizon:')]"
                        + ".map((at) => g.pathAt(at));"))
                .isEqualTo(List.of("sites.[]", "training.[]", ""));

        // A new key in the site: only the site's keys are offered; accepting one writes "key: ".
        js.executeScript("const v = window.gigawatt.editor, t = v.state.doc.toString();"
                + " const at = t.indexOf('\\n', t.indexOf('renewableShare'));"
                + " v.dispatch({changes: {from: at, insert: '\\n    '}, selection: {anchor: at + 5}}); v.focus();");
        WebElement content = driver.findElement(By.cssSelector("#editor .cm-content"));
        content.sendKeys("desig");
        wait.until(d -> completions().contains("designPue"));
        assertThat(completions()).doesNotContain("horizon", "fleet");
        content.sendKeys(Keys.ENTER);
        wait.until(d -> String.valueOf(js.executeScript("return window.gigawatt.editor.state.doc.toString()"))
                .contains("\n    designPue: "));

        // A value: the accelerators the schema lists, which are the catalog's names.
        js.executeScript(
                "const v = window.gigawatt.editor, t = v.state.doc.toString();"
                        + " const at = t.indexOf('accelerator: H100-SXM') + 'accelerator: '.length;"
                        + " v.dispatch({changes: {from: at, to: at + 'H100-SXM'.length}, selection: {anchor: at}}); v.focus();");
        content.sendKeys("B2");
        wait.until(d -> completions().contains("B200"));
        assertThat(completions()).doesNotContain("llama-3.1-70b");
        content.sendKeys(Keys.ESCAPE);
        assertThat(severeConsoleErrors()).as("JavaScript console errors").isEmpty();
    }

    @Test
    void tokenServer_pageOpenedWithItsTokenLoadsItsScriptsAndPlans() {
        try (TestServer locked = new TestServer(folder.resolve("locked"), "page-token")) {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get(locked.base + "/?token=page-token");
            wait.until(d -> text("headline").contains("fits its grid capacity"));
            assertThat(severeConsoleErrors()).as("JavaScript console errors").isEmpty();
        }
    }

    /** The value of the first bar of series {@code series} of a plan chart, as the chart holds it. */
    private static Object chartValue(String chart, int series) {
        return ((JavascriptExecutor) driver)
                .executeScript(
                        "const c = window.gigawatt.planCharts && window.gigawatt.planCharts[arguments[0]];"
                                + " return c ? c.getOption().series[arguments[1]].data[0].value : null;",
                        chart,
                        series);
    }

    private static List<String> completions() {
        return driver.findElements(By.cssSelector(".cm-tooltip-autocomplete li .cm-completionLabel")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private static void tick(String runId) {
        driver.findElement(By.cssSelector("#runs tr[data-run-id='" + runId + "'] input.pick"))
                .click();
    }

    /** Simulates {@code yaml} through the API and returns the recorded run's id. */
    private static String simulated(String yaml) throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        String id = json.readTree(server.post("/api/simulate", yaml).body())
                .get("id")
                .asText();
        List<String[]> events = server.events("/api/simulations/" + id + "/events");
        return json.readTree(events.get(events.size() - 1)[1]).get("runId").asText();
    }

    private static List<LogEntry> severeConsoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .toList();
    }

    private static void screenshot(String name) throws java.io.IOException {
        Files.createDirectories(SCREENSHOTS);
        Path shot = ((org.openqa.selenium.TakesScreenshot) driver)
                .getScreenshotAs(OutputType.FILE)
                .toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String text(String id) {
        return driver.findElement(By.id(id)).getText().trim();
    }

    private static List<String> cellsOf(String table) {
        return driver.findElements(By.cssSelector("#" + table + " td")).stream()
                .map(WebElement::getText)
                .toList();
    }
}
