package org.daleel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
 * The UI in headless Chromium: search, open the hit, read the text in its direction, and see the
 * replay framed from the replay origin with its resources loaded from the archive.
 */
class BrowserIT {
    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    @TempDir
    static Path temp;

    static WebFixture web;
    static WebDriver driver;
    static String captureId;

    @BeforeAll
    static void start() throws IOException {
        // The browser test is part of the suite: a missing browser fails it, unless explicitly skipped.
        assumeTrue(
                !Boolean.getBoolean("daleel.skipBrowserTests"), "browser tests skipped by -Ddaleel.skipBrowserTests");
        if (!CHROMEDRIVER.canExecute() || !CHROMIUM.canExecute()) {
            throw new IllegalStateException("/usr/bin/chromium and /usr/bin/chromedriver are needed for the browser"
                    + " tests: apt-get install chromium chromium-driver (or run with -Ddaleel.skipBrowserTests=true)");
        }
        web = new WebFixture(Files.createDirectories(temp.resolve("data")));
        captureId = web.capturePage().path("id").asText();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createDirectories(temp.resolve("chrome-profile")));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
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
    void search_open_the_hit_and_see_text_direction_and_replay() {
        driver.get(web.server.baseUrl() + "/");
        WebElement box = driver.findElement(By.name("q"));
        box.sendKeys("convoy");
        box.submit();
        var wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        WebElement hit = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("ol.results a.title")));
        assertThat(hit.getText()).isEqualTo("Convoy report");
        assertThat(driver.findElement(By.cssSelector("ol.results .snippet b")).getText())
                .isEqualToIgnoringCase("convoy");
        hit.click();

        wait.until(ExpectedConditions.urlContains("/items/" + captureId));
        WebElement text = driver.findElement(By.cssSelector("div.text"));
        assertThat(text.getText()).contains("The evacuation convoy left the eastern districts");

        JavascriptExecutor js = (JavascriptExecutor) driver;
        WebElement arabic = driver.findElements(By.cssSelector("div.text p")).stream()
                .filter(p -> p.getText().contains("القافلة"))
                .findFirst()
                .orElseThrow();
        assertThat(js.executeScript("return getComputedStyle(arguments[0]).direction", arabic))
                .isEqualTo("rtl");
        WebElement english = driver.findElements(By.cssSelector("div.text p")).get(0);
        assertThat(js.executeScript("return getComputedStyle(arguments[0]).direction", english))
                .isEqualTo("ltr");

        WebElement frame = driver.findElement(By.cssSelector("iframe.replay"));
        assertThat(frame.getAttribute("src")).startsWith(web.server.replayBaseUrl() + "/replay/" + captureId + "/");
        assertThat(frame.getAttribute("sandbox")).isEqualTo("allow-scripts allow-forms");
        driver.switchTo().frame(frame);
        try {
            wait.until(d -> ((JavascriptExecutor) d)
                    .executeScript("return document.readyState")
                    .equals("complete"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Convoy report");
            // resources came from the archive through the replay origin (the CSP blocks anything else)
            wait.until(
                    d -> Boolean.TRUE.equals(
                            ((JavascriptExecutor) d)
                                    .executeScript(
                                            "var i = document.getElementById('absolute'); return i.complete && i.naturalWidth === 1;")));
            assertThat(js.executeScript("return location.origin")).isEqualTo(web.server.replayBaseUrl());
            // the archived script ran, sandboxed: it could not read the app's origin or storage
            assertThat(js.executeScript("return document.body.getAttribute('data-js')"))
                    .isEqualTo("ran");
            assertThat(
                            js.executeScript(
                                    "return (function(){ try { return String(document.cookie); } catch (e) { return 'blocked'; } })()"))
                    .isIn("", "blocked");
        } finally {
            driver.switchTo().defaultContent();
        }
    }

    @Test
    void upload_form_reports_each_file() throws IOException {
        Path file =
                Files.writeString(temp.resolve("witness.txt"), "A witness statement about the crossing at Ramouseh.\n");
        driver.get(web.server.baseUrl() + "/upload");
        driver.findElement(By.name("file")).sendKeys(file.toString());
        driver.findElement(By.name("claimedPlace")).sendKeys("Ramouseh");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        var wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        WebElement status =
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.uploads td.status")));
        assertThat(status.getText()).isEqualTo("new");
        assertThat(web.archive
                        .search(org.daleel.search.SearchQuery.of("Ramouseh", 5))
                        .total())
                .isEqualTo(1);
    }

    @Test
    void find_this_image_from_the_navigation_lists_the_archived_original() throws IOException {
        var picture = MatchUiTest.texturedPicture(480, 360, 1982L);
        String originalId = web.archive
                .importStream(
                        new java.io.ByteArrayInputStream(MatchUiTest.encode(picture, "png")),
                        "hama-square.png",
                        new org.daleel.archive.ItemOptions(
                                new org.daleel.item.Provenance("tester", "", "Hama", "1982-02-02")))
                .item()
                .id();
        Path copy =
                Files.write(temp.resolve("reposted.jpg"), MatchUiTest.encode(MatchUiTest.scaled(picture, 0.6), "jpg"));
        long before = web.archive.count();
        driver.get(web.server.baseUrl() + "/");
        driver.findElement(By.linkText("Find this image")).click();
        var wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.urlContains("/match"));
        driver.findElement(By.name("file")).sendKeys(copy.toString());
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        WebElement hit = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.matches a.title")));
        assertThat(hit.getAttribute("href")).endsWith("/items/" + originalId);
        assertThat(driver.findElement(By.cssSelector("ol.matches p.alert")).getText())
                .contains("hama-square.png")
                .contains("Hama");
        assertThat(web.archive.count()).isEqualTo(before);
    }
}
