package dev.gigawatt.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page and every module its import map names are served from the jar (without a browser). */
class PageTest {
    @TempDir
    Path folder;

    @Test
    void page_andEveryImportMapModule_areServed() {
        try (TestServer server = new TestServer(folder)) {
            HttpResponse<String> page = server.get("/");
            assertThat(page.statusCode()).isEqualTo(200);
            List<String> modules = new ArrayList<>();
            Matcher m = Pattern.compile("\"(/_static/[^\"]+\\.js)\"").matcher(page.body());
            while (m.find()) {
                modules.add(m.group(1));
            }
            assertThat(modules).hasSize(15);
            for (String module : modules) {
                HttpResponse<String> js = server.get(module);
                assertThat(js.statusCode()).as(module).isEqualTo(200);
                assertThat(js.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
            }
            for (String script : List.of(
                    "/app.js", "/common.js", "/compare.js", "/plancharts.js", "/catalog.js", "/completion.js")) {
                assertThat(server.get(script).statusCode()).as(script).isEqualTo(200);
            }
            // The plan's and the compare view's charts: the ECharts file of the jar the reports inline, named in
            // common.js.
            Matcher echarts = Pattern.compile("\"(/_static/echarts/[^\"]+\\.js)\"")
                    .matcher(server.get("/common.js").body());
            assertThat(echarts.find()).as("common.js names the ECharts script").isTrue();
            HttpResponse<String> chartJs = server.get(echarts.group(1));
            assertThat(chartJs.statusCode()).as(echarts.group(1)).isEqualTo(200);
            assertThat(chartJs.body()).contains("echarts");
        }
    }
}
