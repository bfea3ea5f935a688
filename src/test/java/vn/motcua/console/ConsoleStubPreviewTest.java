package vn.motcua.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import vn.motcua.channel.webchat.Chromium;

/** Shapes the console page against {@link ConsoleApiStub} until the real API lands. */
@Tag("browser")
@ActiveProfiles("console-stub")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "motcua.secret=test-secret")
class ConsoleStubPreviewTest {

    @LocalServerPort
    int port;

    @Autowired
    ConsoleApiStub stub;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void open() {
        browser = Chromium.start(1366, 768);
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", 1366, "height", 768, "deviceScaleFactor", 1, "mobile", false));
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    @AfterEach
    void quit() {
        browser.quit();
    }

    @Test
    void preview() throws IOException {
        browser.get("http://127.0.0.1:" + port + "/console/login?error");
        shot("stub-login");
        browser.get("http://127.0.0.1:" + port + "/console");
        wait.until(ExpectedConditions.textToBe(By.id("live"), "Đang cập nhật trực tiếp"));
        wait.until(d -> d.findElements(By.cssSelector("#queue .row")).size() == 4);
        shot("stub-queue");
        new Actions(browser).keyDown(Keys.ALT).sendKeys("j").keyUp(Keys.ALT).perform();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#transcript .msg")));
        new Actions(browser).keyDown(Keys.ALT).sendKeys("c").keyUp(Keys.ALT).perform();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("reply")));
        stub.say("c-messenger", "PERSON", "cứu tôi với", "emergency", null, null, null);
        stub.alert("c-messenger", "CRITICAL", "emergency");
        browser.findElement(By.id("reply")).sendKeys("/an");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("canned")));
        shot("stub-canned");
        browser.findElement(By.id("reply")).sendKeys(Keys.ENTER);
        browser.findElement(By.id("reply")).sendKeys(Keys.ENTER);
        wait.until(d -> d.findElements(By.cssSelector(".msg-CASEWORKER")).size() == 1);
        browser.findElement(By.id("note-text")).sendKeys("Người này ở cùng chồng, chỉ nhắn được buổi tối.");
        browser.findElement(By.cssSelector("#note-form button")).click();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("ref-service"))).selectByValue("hung-vuong-one-stop");
        browser.findElement(By.id("ref-note")).sendKeys("Khám và tư vấn");
        browser.findElement(By.cssSelector("#ref-form button")).click();
        wait.until(d -> d.findElements(By.cssSelector("#referrals li[data-id]")).size() == 1);
        shot("stub-conversation");
        browser.findElement(By.cssSelector("#queue .row[data-id='c-old']")).click();
        wait.until(ExpectedConditions.attributeContains(By.id("window"), "class", "closed"));
        shot("stub-closed-window");
    }

    private void shot(String name) throws IOException {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
