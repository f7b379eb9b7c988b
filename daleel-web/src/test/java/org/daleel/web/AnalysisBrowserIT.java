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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The analysis in headless Chromium: an Arabic report's places, actors, dates and events marked in
 * its right-to-left text, its map drawn with no network, a click on a place filtering the search,
 * and the facet sidebar narrowing the results.
 */
@Timeout(300)
class AnalysisBrowserIT {
    static final String AR =
            "قصف على منبج\n\nقصفت طائرات النظام مدينة منبج في ريف حلب الشرقي يوم 12 حزيران 2016، ما أدى"
                    + " إلى مقتل سبعة مدنيين.";
    static final String EN = "Shelling in the Aleppo countryside\n\nIslamic State fighters shelled the village of"
            + " Tall Rifat in the northern Aleppo countryside on 3 March 2016, wounding five people.";

    @TempDir
    static Path temp;

    static WebFixture web;
    static WebDriver driver;
    static String arabicId;

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
}
