package org.daleel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.daleel.archive.ItemOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The analysis in headless Chromium: an Arabic report's places, actors, dates and events marked in
 * its right-to-left text, its quantity highlighted and listed, its map drawn with no network, a click
 * on a place filtering the search, the facet sidebar narrowing the results and the timeline drawn
 * and filtering by month; first-level division borders on the map of a report from Idlib, and a
 * click on a governorate of the results map narrowing the search to it.
 */
@Timeout(300)
class AnalysisBrowserIT {
    static final String AR =
            "قصف على منبج\n\nقصفت طائرات النظام مدينة منبج في ريف حلب الشرقي يوم 12 حزيران 2016، ما أدى"
                    + " إلى مقتل سبعة مدنيين.";
    static final String EN = "Shelling in the Aleppo countryside\n\nIslamic State fighters shelled the village of"
            + " Tall Rifat in the northern Aleppo countryside on 3 March 2016, wounding five people.";

    static final String IDLIB = "Airstrike on Idlib\n\nWarplanes struck a market in the city of Idlib on"
            + " 4 April 2017, killing ten civilians.";

    @TempDir
    static Path temp;

    static WebFixture web;
    static WebDriver driver;
    static String arabicId;
    static String idlibId;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(
                !Boolean.getBoolean("daleel.skipBrowserTests"), "browser tests skipped by -Ddaleel.skipBrowserTests");
        if (!BrowserIT.CHROMEDRIVER.canExecute() || !BrowserIT.CHROMIUM.canExecute()) {
            throw new IllegalStateException("/usr/bin/chromium and /usr/bin/chromedriver are needed for the browser"
                    + " tests: apt-get install chromium chromium-driver (or run with -Ddaleel.skipBrowserTests=true)");
        }
        web = new WebFixture(Files.createDirectories(temp.resolve("data")));
        arabicId = upload("manbij.txt", AR);
        upload("tall-rifat.txt", EN);
        idlibId = upload("idlib.txt", IDLIB);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BrowserIT.CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1200,1600",
                "--user-data-dir=" + Files.createDirectories(temp.resolve("chrome-profile")));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(BrowserIT.CHROMEDRIVER)
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    private static String upload(String name, String text) {
        return web.archive
                .importStream(
                        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), name, ItemOptions.of("test"))
                .item()
                .id();
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (web != null) {
            web.close();
        }
    }

    @Test
    void item_page_highlights_arabic_entities_in_rtl_text_and_draws_the_map() {
        driver.get(web.server.baseUrl() + "/items/" + arabicId);
        JavascriptExecutor js = (JavascriptExecutor) driver;

        WebElement place = driver.findElement(By.cssSelector("div.text a.ent.place"));
        assertThat(place.getText()).isEqualTo("منبج");
        assertThat(place.getDomAttribute("title")).contains("GeoNames 167357");
        assertThat(js.executeScript("return getComputedStyle(arguments[0].closest('div.text')).direction", place))
                .isEqualTo("rtl");
        assertThat(place.getRect().getWidth()).as("the mark is drawn").isPositive();
        List<String> actors = driver.findElements(By.cssSelector("div.text a.ent.actor")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(actors).contains("النظام");
        assertThat(driver.findElements(By.cssSelector("div.text span.ent.event")))
                .isNotEmpty();

        WebElement pin =
                driver.findElement(By.cssSelector("section.understanding figure.map circle[data-label=Manbij]"));
        assertThat(pin.getRect().getWidth()).as("the pin is drawn").isPositive();
        WebElement svg = driver.findElement(By.cssSelector("section.understanding figure.map svg"));
        assertThat(svg.getRect().getHeight()).isGreaterThan(100);
        assertThat(driver.findElements(By.cssSelector("section.understanding figure.map path.land")))
                .isNotEmpty();
    }

    @Test
    void item_page_highlights_the_quantity_in_the_rtl_text_and_lists_it_with_place_and_date() {
        driver.get(web.server.baseUrl() + "/items/" + arabicId);
        JavascriptExecutor js = (JavascriptExecutor) driver;

        WebElement mark = driver.findElement(By.cssSelector("div.text mark.ent.quantity"));
        assertThat(mark.getText()).contains("سبعة مدنيين");
        assertThat(mark.getDomAttribute("data-what")).isEqualTo("killed");
        assertThat(mark.getRect().getWidth()).as("the highlight is drawn").isPositive();
        assertThat(js.executeScript("return getComputedStyle(arguments[0]).backgroundColor", mark))
                .as("highlighted, not transparent")
                .isNotEqualTo("rgba(0, 0, 0, 0)");
        assertThat(js.executeScript("return getComputedStyle(arguments[0].closest('p')).direction", mark))
                .isEqualTo("rtl");
        WebElement item =
                driver.findElement(By.cssSelector("section.understanding ul.quantities li[data-what=killed]"));
        assertThat(item.getText()).startsWith("7 killed — Manbij (منبج), 2016-06-12");
        assertThat(item.findElement(By.cssSelector(".q-what")).getRect().getWidth())
                .isPositive();
        item.findElement(By.cssSelector("a.q-place")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/search?place=167357"));
        assertThat(driver.findElements(By.cssSelector("ol.results li"))).hasSize(1);
    }

    @Test
    void results_page_draws_the_timeline_and_a_click_on_a_month_filters_by_it() {
        driver.get(web.server.baseUrl() + "/search?place=170062");

        List<WebElement> bars =
                driver.findElements(By.cssSelector("section.timeline figure[data-series=events] rect.bar:not(.empty)"));
        assertThat(bars).extracting(b -> b.getDomAttribute("data-period")).containsExactly("2016-03", "2016-06");
        for (WebElement bar : bars) {
            assertThat(bar.getRect().getHeight()).as("the bar is drawn").isPositive();
        }
        WebElement captured =
                driver.findElement(By.cssSelector("section.timeline figure[data-series=captured] rect.bar"));
        assertThat(captured.getDomAttribute("data-count")).isEqualTo("2");
        assertThat(captured.getRect().getHeight()).isPositive();
        driver.findElement(By.cssSelector("section.timeline a.bin:has(rect[data-period='2016-06'])"))
                .click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("from=2016-06"));
        assertThat(driver.findElements(By.cssSelector("ol.results li"))).hasSize(1);
        assertThat(driver.findElement(By.cssSelector("ol.results li a.title")).getText())
                .isEqualTo("قصف على منبج");
        assertThat(driver.findElements(By.cssSelector("aside.facets section.facet")))
                .as("facets stay")
                .isNotEmpty();
    }

    @Test
    void clicking_a_place_filters_the_search_and_a_facet_narrows_it() {
        driver.get(web.server.baseUrl() + "/items/" + arabicId);
        driver.findElement(By.cssSelector("div.text a.ent.place[data-id='167357']"))
                .click();
        var wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("aside.facets")));

        assertThat(driver.findElements(By.cssSelector("ol.results li"))).hasSize(1);
        assertThat(driver.findElement(By.cssSelector(".active-filters")).getText())
                .contains("167357");

        driver.get(web.server.baseUrl() + "/search?place=" + "170062");
        assertThat(driver.findElements(By.cssSelector("ol.results li"))).hasSize(2);
        assertThat(driver.findElements(By.cssSelector("figure.map a.pin"))).hasSizeGreaterThanOrEqualTo(2);
        driver.findElement(By.cssSelector("aside.facets section[data-dim=actor] a[data-value=islamic-state]"))
                .click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("ol.results li"), 1));
        assertThat(driver.findElement(By.cssSelector("ol.results li a.title")).getText())
                .isEqualTo("Shelling in the Aleppo countryside");
    }

    @Test
    void the_event_date_inputs_filter_by_month() {
        driver.get(web.server.baseUrl() + "/search?place=170062");
        driver.findElement(By.name("from")).sendKeys("2016-06");
        driver.findElement(By.name("to")).sendKeys("2016-06");
        driver.findElement(By.cssSelector("form.search button[type=submit]")).click();
        var wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.urlContains("from=2016-06"));

        assertThat(driver.findElements(By.cssSelector("ol.results li"))).hasSize(1);
        assertThat(driver.findElement(By.cssSelector("ol.results li a.title")).getText())
                .isEqualTo("قصف على منبج");
    }

    /**
     * A point of the viewport where {@code area} is the topmost element (not under a pin), after
     * scrolling it into view; fails when there is none.
     */
    private static List<Long> pointOn(WebElement area) {
        @SuppressWarnings("unchecked")
        List<Long> xy = (List<Long>) ((JavascriptExecutor) driver).executeScript("""
                        const p = arguments[0];
                        p.scrollIntoView({block: 'center'});
                        const r = p.getBoundingClientRect();
                        for (let i = 1; i < 24; i++) {
                          for (let j = 1; j < 24; j++) {
                            const x = Math.round(r.left + r.width * i / 24), y = Math.round(r.top + r.height * j / 24);
                            if (document.elementFromPoint(x, y) === p) return [x, y];
                          }
                        }
                        return null;""", area);
        assertThat(xy).as("a visible point of the area").isNotNull();
        return xy;
    }

    @Test
    void item_page_about_idlib_draws_the_governorate_borders_and_names_them_on_hover() {
        driver.get(web.server.baseUrl() + "/items/" + idlibId);
        JavascriptExecutor js = (JavascriptExecutor) driver;

        WebElement borders =
                driver.findElement(By.cssSelector("section.understanding figure.map path.division-borders"));
        assertThat(borders.getRect().getWidth())
                .as("the inner borders are drawn")
                .isGreaterThan(100);
        WebElement land = driver.findElement(By.cssSelector("section.understanding figure.map path.land"));
        double borderWidth =
                Double.parseDouble(js.executeScript("return getComputedStyle(arguments[0]).strokeWidth", borders)
                        .toString()
                        .replace("px", ""));
        double landWidth =
                Double.parseDouble(js.executeScript("return getComputedStyle(arguments[0]).strokeWidth", land)
                        .toString()
                        .replace("px", ""));
        assertThat(borderWidth).as("thinner than country borders").isLessThan(landWidth);
        assertThat(js.executeScript("return getComputedStyle(arguments[0]).strokeDasharray", borders))
                .isNotEqualTo("none");

        WebElement idlib = driver.findElement(
                By.cssSelector("section.understanding figure.map path.division[data-geonameid='169387']"));
        assertThat(js.executeScript("return arguments[0].querySelector('title').textContent", idlib))
                .asString()
                .startsWith("Idlib (SY-ID)")
                .endsWith("محافظة إدلب");
        assertThat(js.executeScript("return getComputedStyle(arguments[0]).fill", idlib))
                .isEqualTo("rgba(0, 0, 0, 0)");
        List<Long> xy = pointOn(idlib);
        new Actions(driver)
                .moveToLocation(xy.get(0).intValue(), xy.get(1).intValue())
                .perform();
        assertThat(js.executeScript("return getComputedStyle(arguments[0]).fill", idlib))
                .as("highlighted under the pointer")
                .isNotEqualTo("rgba(0, 0, 0, 0)");
    }

    @Test
    void a_click_on_a_governorate_of_the_results_map_narrows_the_search_to_it() {
        driver.get(web.server.baseUrl() + "/search?place=Syria");
        assertThat(driver.findElements(By.cssSelector("ol.results li"))).hasSize(3);

        WebElement idlib =
                driver.findElement(By.cssSelector("figure.map a.division-link path.division[data-geonameid='169387']"));
        List<Long> xy = pointOn(idlib);
        new Actions(driver)
                .moveToLocation(xy.get(0).intValue(), xy.get(1).intValue())
                .click()
                .perform();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("place=169387"));
        assertThat(driver.findElements(By.cssSelector("ol.results li"))).hasSize(1);
        assertThat(driver.findElement(By.cssSelector("ol.results li a.title")).getText())
                .isEqualTo("Airstrike on Idlib");
    }
}
