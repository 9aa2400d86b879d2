package dev.dragoman.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.dragoman.test.EmbeddedGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The Sagas and Outbox tabs in Chromium, on the example maps, with events published through the
 * gateway as the contexts publish them: a saga appears in the list without a reload and counts
 * down, is aborted from its page and its refund shows in the outbox; a copy that expired while its
 * receiver was down is re-sent with a new deadline and delivered.
 */
class SagasAndOutboxBrowserTests extends ConsoleInBrowser {

    /** Signed in as the admin, on the map. */
    @BeforeEach
    void signedIn() {
        signOut();
        browser.driver.findElement(By.id("admin-key")).sendKeys(ConsoleGateway.ADMIN_KEY);
        browser.driver.findElement(By.id("sign-in-button")).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("map-tab")));
    }

    @Test
    void aSagaStartedElsewhereAppearsCountsDownAndIsAbortedWithItsRefundInTheOutbox() {
        browser.driver.findElement(By.id("tab-sagas")).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("saga-rows")));

        String saga = "console-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(gateway.publish(gateway.keys.get("order"), """
                {"specversion":"1.0","id":"%s","source":"/order-service","type":"order.placed","sagaid":"%s",
                 "datacontenttype":"application/json","data":{"items":[{"sku":"GX-1001","quantity":1}],"amount":2500}}"""
                .formatted(UUID.randomUUID(), saga)).statusCode()).isEqualTo(202);

        // no reload, no click: the list polls with the change token and draws the new saga
        By row = By.cssSelector("tr[data-sagaid='" + saga + "']");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(row));
        By rowCountdown = By.cssSelector("tr[data-sagaid='" + saga + "'] .countdown[data-left]");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(rowCountdown));
        assertThat(browser.driver.findElement(row).getText()).contains("order-placement", "open");
        long first = secondsLeft(rowCountdown);
        assertThat(first).isBetween(1L, 600L);
        browser.waiting().until(driver -> secondsLeft(rowCountdown) < first);

        assertThat(gateway.publish(gateway.keys.get("payment"), """
                {"specversion":"1.0","id":"%s","source":"/payment-service","type":"payment.captured","sagaid":"%s",
                 "datacontenttype":"application/json","data":{"amount":2500}}""".formatted(UUID.randomUUID(), saga)).statusCode())
                .isEqualTo(202);

        browser.driver.findElement(By.cssSelector("tr[data-sagaid='" + saga + "'] a.saga-link")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("saga-id"), saga));
        By payment = By.cssSelector("#saga-participants tr[data-context='payment'] .status");
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(payment, "completed"));
        assertThat(text("saga-status")).isEqualTo("open");
        assertThat(browser.driver.findElement(By.cssSelector("#saga-participants tr[data-context='product'] .status")).getText())
                .isEqualTo("pending");
        By pageCountdown = By.cssSelector("#saga-countdown[data-left]");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(pageCountdown));
        long onPage = secondsLeft(pageCountdown);
        browser.waiting().until(driver -> secondsLeft(pageCountdown) < onPage);
        assertThat(text("saga-timeline")).contains("payment");
        assertThat(browser.driver.findElements(By.cssSelector("#saga-sent tr[data-type='order.placed']"))).hasSize(3);
        browser.screenshot("console-saga");

        browser.driver.findElement(By.id("abort-reason")).sendKeys("customer called");
        browser.driver.findElement(By.id("abort-button")).click();
        browser.waiting().until(ExpectedConditions.alertIsPresent());
        assertThat(browser.driver.switchTo().alert().getText()).contains("Abort saga " + saga);
        browser.driver.switchTo().alert().accept();

        browser.waiting().until(ExpectedConditions.textToBe(By.id("saga-status"), "aborted"));
        assertThat(browser.driver.findElements(By.id("abort-button"))).as("no abort for an ended saga").isEmpty();
        assertThat(browser.driver.findElements(By.id("saga-countdown"))).as("no time left once ended").isEmpty();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#saga-sent tr[data-type='payment.refund']")));
        assertThat(browser.driver.findElements(By.cssSelector("#saga-sent tr[data-type='order.cancelled']"))).isNotEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("#saga-sent tr[data-type='product.release']")))
                .as("product never completed: nothing to undo").isEmpty();
        assertThat(text("saga-timeline")).contains("customer called");
        browser.screenshot("console-saga-aborted");

        browser.driver.findElement(By.id("tab-outbox")).click();
        By refund = By.cssSelector("#outbox-copies tr[data-type='payment.refund'][data-receiver='payment']");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(refund));
        assertThat(browser.driver.findElement(refund).getText()).contains(saga);
        browser.waiting().until(driver -> "delivered".equals(driver.findElement(refund).getAttribute("data-status")));
        assertThat(text("outbox-depth")).matches("\\d+");
        browser.screenshot("console-outbox");
    }

    @Test
    void aCopyThatExpiredWhileItsReceiverWasDownIsReSentWithANewDeadlineAndDelivered() throws Exception {
        // an event of no saga, so that its expired copy may go again whatever became of a saga
        Path notes = gateway.maps.resolve("console-notes.yaml");
        Files.writeString(notes, """
                events:
                  - type: order.note
                    from: order
                    deliver:
                      - to: shipping
                """);
        StubMapping down = gateway.inboxes.stubFor(post(urlPathEqualTo(EmbeddedGateway.inboxPath("shipping"))).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        try {
            assertThat(gateway.post("/admin/reload", ConsoleGateway.ADMIN_KEY, "").statusCode()).isEqualTo(200);
            String deadline = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS).toString();
            assertThat(gateway.publish(gateway.keys.get("order"), """
                    {"specversion":"1.0","id":"%s","source":"/order-service","type":"order.note","deadline":"%s",
                     "datacontenttype":"application/json","data":{"note":"ring twice"}}""".formatted(UUID.randomUUID(), deadline))
                    .statusCode()).isEqualTo(202);

            browser.driver.findElement(By.id("tab-outbox")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("outbox-filter")));
            browser.driver.findElement(By.id("outbox-type")).sendKeys("order.note");
            browser.driver.findElement(By.id("outbox-filter-button")).click();
            By note = By.cssSelector("#outbox-copies tr[data-type='order.note']");
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(note));
            browser.waiting().until(driver -> "expired".equals(driver.findElement(note).getAttribute("data-status")));
            assertThat(browser.driver.findElement(note).findElement(By.cssSelector(".last-error")).getText()).startsWith("deadline");
            assertThat(browser.driver.findElements(By.cssSelector("#outbox-copies tr[data-type='order.note']"))).hasSize(1);

            gateway.inboxes.removeStub(down);
            browser.driver.findElement(note).findElement(By.cssSelector("input[name='copy']")).click();
            WebElement minutes = browser.driver.findElement(By.id("resend-minutes"));
            assertThat(minutes.getAttribute("value")).isEqualTo("10");
            minutes.clear();
            minutes.sendKeys("5");
            browser.driver.findElement(By.id("resend-button")).click();

            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#resend-outcomes li.outcome-resent")));
            assertThat(text("resend-outcomes")).contains("(expired): resent, until ");
            browser.waiting().until(driver -> "delivered".equals(driver.findElement(note).getAttribute("data-status")));
            assertThat(browser.driver.findElement(note).getText()).contains("shipping");
            browser.screenshot("console-outbox-resent");
        } finally {
            gateway.inboxes.removeStub(down);
            Files.deleteIfExists(notes);
            assertThat(gateway.post("/admin/reload", ConsoleGateway.ADMIN_KEY, "").statusCode()).isEqualTo(200);
        }
    }

    private long secondsLeft(By countdown) {
        return Long.parseLong(browser.driver.findElement(countdown).getAttribute("data-left"));
    }

    private String text(String id) {
        return browser.driver.findElement(By.id(id)).getText();
    }
}
