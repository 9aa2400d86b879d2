package dev.dragoman.console;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What every browser test class of the console starts with: the gateway on the example maps and
 * one Chromium for the class, stopped after it, and a way back to the sign-in form.
 */
abstract class ConsoleInBrowser {

    static ConsoleGateway gateway;
    static ConsoleBrowser browser;

    @BeforeAll
    static void start() {
        gateway = new ConsoleGateway(Path.of(System.getProperty("dragoman.example-maps", "../context-maps")));
        browser = new ConsoleBrowser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    /**
     * Signed out, on the sign-in form: the key lives in the tab's session storage, which this
     * empties on a page of the same origin that runs no script (a console page could still be
     * keeping a key it was checking when the test before ended).
     */
    static void signOut() {
        browser.driver.get(gateway.url("/console/console.css"));
        ((JavascriptExecutor) browser.driver).executeScript("sessionStorage.clear();");
        browser.driver.get(gateway.url("/console/"));
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
    }
}
