package dev.dragoman.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console at {@code /console/} in Chromium, on the example maps: signing in, the map of the
 * demo's six contexts, a context's declarations, Try it, a refused reload, and what a caller's key
 * gets (nothing).
 */
class ConsoleBrowserTests extends ConsoleInBrowser {

    private static final Set<String> DEMO_CONTEXTS = Set.of("game-dept", "web-support", "order", "product", "payment", "shipping");

    /** Each test starts signed out. */
    @BeforeEach
    void signedOut() {
        signOut();
    }

    private void signIn(String key) {
        WebElement field = browser.driver.findElement(By.id("admin-key"));
        field.clear();
        field.sendKeys(key);
        browser.driver.findElement(By.id("sign-in-button")).click();
    }

    private void signInAsAdmin() {
        signIn(ConsoleGateway.ADMIN_KEY);
        browser.waiting().until(driver -> mapNodes().size() == DEMO_CONTEXTS.size());
    }

    @SuppressWarnings("unchecked")
    private List<String> mapNodes() {
        Object ids = ((JavascriptExecutor) browser.driver)
                .executeScript("return window.dragomanMap && document.getElementById('cy') && document.getElementById('cy').dataset.drawn"
                        + " ? window.dragomanMap.nodes().map(n => n.id()) : [];");
        return (List<String>) ids;
    }

    private String text(String id) {
        return browser.driver.findElement(By.id(id)).getText();
    }

    @Test
    void aWrongKeyIsRefusedOnTheSignInFormAndKeptNowhere() {
        signIn("not-a-key-of-this-gateway");
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("sign-in-error"), "Not an admin key"));

        signIn(gateway.keys.get("web-support"));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("sign-in-error"), "caller's key"));

        assertThat(browser.driver.findElement(By.id("console")).isDisplayed()).isFalse();
        assertThat(((JavascriptExecutor) browser.driver).executeScript("return sessionStorage.getItem('dragoman.console.adminKey');"))
                .isNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAdminKeyShowsTheMapOfTheDemosSixContexts() {
        signInAsAdmin();

        assertThat(mapNodes()).containsExactlyInAnyOrderElementsOf(DEMO_CONTEXTS);
        assertThat(text("concepts")).contains("game", "product", "region");
        assertThat(text("sagas")).contains("order-placement", "orders.yaml:");
        Object edges = ((JavascriptExecutor) browser.driver).executeScript(
                "return window.dragomanMap.edges().map(e => e.data('label'));");
        assertThat((List<Object>) edges).contains((Object) "/game-dept/**", "/web-support/**", "order.placed", "product.reserved");
        browser.screenshot("console-map");
    }

    @Test
    void clickingAContextShowsItsDeclarationsWithFileAndLine() {
        signInAsAdmin();
        WebElement canvas = browser.driver.findElement(By.id("cy"));
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) ((JavascriptExecutor) browser.driver).executeScript(
                "const p = window.dragomanMap.getElementById('game-dept').renderedPosition(); return [p.x, p.y];");
        // Selenium's offsets count from the element's centre
        new Actions(browser.driver)
                .moveToElement(canvas, (int) Math.round(at.get(0).doubleValue() - canvas.getSize().getWidth() / 2.0),
                        (int) Math.round(at.get(1).doubleValue() - canvas.getSize().getHeight() / 2.0))
                .click().perform();

        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("details"), "context game-dept"));
        assertThat(text("details")).contains("context game-dept games.yaml:10", "route web-support-to-game-dept games.yaml:33",
                "route game-dept-to-web-support games.yaml:64");
        browser.screenshot("console-map-context");
    }

    @Test
    void tryItTranslatesTheExampleAndNamesAnUnknownIdentifier() {
        signInAsAdmin();
        browser.driver.findElement(By.id("tab-try")).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("try-form")));
        new Select(browser.driver.findElement(By.id("try-route"))).selectByValue("web-support-to-game-dept");
        WebElement path = browser.driver.findElement(By.id("try-path"));
        path.clear();
        path.sendKeys("/game-dept/games/1");
        browser.driver.findElement(By.id("try-run")).click();

        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#try-received mark.translated")));
        WebElement translated = browser.driver.findElement(By.cssSelector("#try-received mark.translated"));
        assertThat(translated.getText()).isEqualTo("1001");
        assertThat(translated.getAttribute("title")).isEqualTo("was 1");
        assertThat(text("try-sent")).contains("/game-dept/games/1");
        assertThat(text("try-received")).contains("/games/1001");
        browser.screenshot("console-try-it");

        path.clear();
        path.sendKeys("/game-dept/games/9");
        browser.driver.findElement(By.id("try-run")).click();

        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("try-unknown")));
        assertThat(text("try-unknown")).contains("9 at path /games/{game.code} segment 2 (game.code, unknown)");
        assertThat(browser.driver.findElement(By.cssSelector("#try-sent mark.unknown")).getText()).isEqualTo("9");
        assertThat(text("try-verdict")).contains("rejected", "422");
    }

    @Test
    void aRefusedReloadShowsItsFileAndLineOnTheMap() throws Exception {
        signInAsAdmin();
        Path broken = gateway.maps.resolve("zz.yaml");
        Files.writeString(broken, """
                routes:
                  - id: broken
                    from: nobody
                    to: game-dept
                    path: /broken/**
                    upstream: http://127.0.0.1:9
                """);
        try {
            HttpResponse<String> reload = gateway.post("/admin/reload", ConsoleGateway.ADMIN_KEY, "");
            assertThat(reload.statusCode()).isEqualTo(422);

            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("reload-refused")));
            assertThat(text("reload-refused")).contains("The last reload was refused", "zz.yaml:3", "routes[0].from",
                    "unknown context 'nobody'");
            browser.screenshot("console-reload-refused");
            // the last good model keeps serving, and the diagram with it
            assertThat(mapNodes()).containsExactlyInAnyOrderElementsOf(DEMO_CONTEXTS);
        } finally {
            Files.delete(broken);
            assertThat(gateway.post("/admin/reload", ConsoleGateway.ADMIN_KEY, "").statusCode()).isEqualTo(200);
        }
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("reload-refused")));
    }

    @Test
    void aCallersKeyAndNoKeyGetNoConsoleData() {
        List<String> fragments = List.of("/admin/console/map", "/admin/console/map/context?name=game-dept",
                "/admin/console/map/route?id=web-support-to-game-dept",
                "/admin/console/map/delivery?type=order.placed&from=order&to=payment", "/admin/console/try", "/admin/console/sagas",
                "/admin/console/sagas/list?status=open", "/admin/console/sagas/one?id=none", "/admin/console/outbox",
                "/admin/console/outbox/list?status=expired");
        for (String fragment : fragments) {
            assertThat(gateway.get(fragment, gateway.keys.get("web-support")).statusCode()).as(fragment).isEqualTo(403);
            assertThat(gateway.get(fragment, null).statusCode()).as(fragment).isEqualTo(401);
            assertThat(gateway.get(fragment, ConsoleGateway.ADMIN_KEY).statusCode()).as(fragment).isEqualTo(200);
        }
        String tryIt = "route=web-support-to-game-dept&direction=request&path=%2Fgame-dept%2Fgames%2F1";
        assertThat(gateway.post("/admin/console/try", gateway.keys.get("web-support"), tryIt).statusCode()).isEqualTo(403);
        assertThat(gateway.post("/admin/console/try", null, tryIt).statusCode()).isEqualTo(401);
        assertThat(gateway.post("/admin/console/try", ConsoleGateway.ADMIN_KEY, tryIt).body()).contains("1001");

        // the shell and its scripts are open, and hold nothing of the maps
        HttpResponse<String> shell = gateway.get("/console/", null);
        assertThat(shell.statusCode()).isEqualTo(200);
        assertThat(shell.body()).contains("Dragoman console").doesNotContain("game-dept", "web-support-to-game-dept");
        assertThat(gateway.get("/console/console.js", null).statusCode()).isEqualTo(200);
        assertThat(gateway.get("/webjars/htmx.org/dist/htmx.min.js", null).statusCode()).isEqualTo(200);
        assertThat(gateway.get("/webjars/cytoscape/dist/cytoscape.min.js", null).statusCode()).isEqualTo(200);
    }
}
