package vn.motcua.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.knowledge.AnswerBook;

/**
 * The web chat in the system Chromium, as a person uses it: type without accents, tap a quick reply, leave quickly.
 * Runs with {@code mvn -B verify -Pbrowser} (what .ci/run does after installing chromium and chromium-driver).
 */
@Tag("browser")
class WebChatBrowserTest extends WebChatIntegrationTest {

    @Autowired
    AnswerBook answers;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = Chromium.start(414, 896);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void aMessageWithoutAccentsGetsTheGreetingAndAQuickReplyGetsItsAnswer() {
        browser.get(baseUrl() + "/");
        type("chao ban");

        waitForBotMessage(firstLine(answers.get("greeting", "default").text()));
        WebElement hotline = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//div[@id='replies']/button[normalize-space()='Số điện thoại']")));
        hotline.click();

        waitForBotMessage(firstLine(answers.get("hotline", "default").text()));
        assertThat(texts(".msg-me span:last-child")).containsExactly("chao ban", "Số điện thoại");
    }

    @Test
    void aCryForHelpShows113FirstWithAButtonThatDialsIt() {
        browser.get(baseUrl() + "/");
        type("cuu toi voi anh ta dang danh toi");

        waitForBotMessage(firstLine(answers.get("emergency", "default").text()));
        WebElement call = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//div[@id='replies']/a[normalize-space()='Gọi 113']")));
        assertThat(call.getAttribute("href")).isEqualTo("tel:113");
    }

    @Test
    void onASmallPhoneANewAnswerIsShownFromItsStartAndNothingSaysTheBotIsStillTyping() {
        browser.quit();
        browser = Chromium.start(360, 640);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        openChatAndGreet();
        int before = browser.findElements(By.cssSelector(".msg-bot")).size();

        type("chong toi hay danh toi, toi rat so");

        // A long answer, then the question whether it is safe to talk: two messages in one answer.
        wait.until(driver -> driver.findElements(By.cssSelector(".msg-bot")).size() >= before + 2);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("send")));
        assertThat(browser.findElement(By.id("typing")).isDisplayed())
                .as("'Trợ lý đang trả lời…' after the answer arrived").isFalse();
        Object firstNewVisible = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "var main = document.getElementById('main');"
                        + "var first = document.querySelectorAll('.msg-bot')[arguments[0]];"
                        + "var top = first.offsetTop;"
                        + "return top >= main.scrollTop - 1 && top < main.scrollTop + main.clientHeight;", before);
        assertThat(firstNewVisible).as("the first line of the new answer is on screen").isEqualTo(true);
    }

    @Test
    void quickExitShowsTheNeutralPageAndBackDoesNotReturnToTheChat() {
        browser.get(partnerOrigin() + "/start.html");
        openChatAndGreet();

        browser.findElement(By.id("exit")).click();

        wait.until(ExpectedConditions.urlToBe(exitUrl()));
        assertThat(browser.findElement(By.id("neutral")).getText()).isEqualTo(PartnerSiteStub.NEUTRAL_TEXT);
        browser.navigate().back();
        wait.until(ExpectedConditions.urlToBe(partnerOrigin() + "/start.html"));
        assertThat(browser.findElement(By.id("start")).getText()).isEqualTo(PartnerSiteStub.START_TEXT);
    }

    @Test
    void theEscapeKeyLeavesTooAndForgetsTheSession() {
        openChatAndGreet();

        browser.findElement(By.id("message")).sendKeys(Keys.ESCAPE);

        wait.until(ExpectedConditions.urlToBe(exitUrl()));
        browser.get(baseUrl() + "/");
        assertThat(browser.findElements(By.cssSelector(".msg"))).isEmpty();
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return window.sessionStorage.length")).isEqualTo(0L);
    }

    @Test
    void theEraseButtonAsksFirstThenClearsTheChat() {
        openChatAndGreet();

        browser.findElement(By.id("erase")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("erase-dialog")));
        browser.findElement(By.id("erase-confirm")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("log"), "Đã xóa cuộc trò chuyện"));
        assertThat(browser.findElements(By.cssSelector(".msg-bot, .msg-me"))).isEmpty();
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return window.sessionStorage.length")).isEqualTo(0L);
    }

    @Test
    void theWidgetOnAPartnerPageOpensTheChatAndItsQuickExitLeavesThePartnerPage() {
        browser.get(partnerOrigin() + "/partner.html");
        WebElement open = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//button[normalize-space()='Trò chuyện hỗ trợ']")));
        open.click();

        wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("motcua-chat-frame")));
        greet();
        browser.findElement(By.id("exit")).click();

        browser.switchTo().defaultContent();
        wait.until(ExpectedConditions.urlToBe(exitUrl()));
    }

    private void openChatAndGreet() {
        browser.get(baseUrl() + "/");
        greet();
    }

    private void greet() {
        type("chao ban");
        waitForBotMessage(firstLine(answers.get("greeting", "default").text()));
    }

    private void type(String text) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.id("message")));
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
    }

    private void waitForBotMessage(String expected) {
        wait.until(driver -> texts(".msg-bot").stream().anyMatch(text -> text.contains(expected)));
    }

    private List<String> texts(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse(text);
    }
}
