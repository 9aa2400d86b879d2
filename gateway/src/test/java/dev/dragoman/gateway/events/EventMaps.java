package dev.dragoman.gateway.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The maps the event tests run against: the order saga of the example maps, every inbox on one
 * WireMock server; besides, a rule over the whole of an event's data ({@code order.sku-noted}) and
 * a concept whose resolver is that server's {@code /resolve} ({@code order.gift}).
 */
public final class EventMaps {

    private EventMaps() {
    }

    public static Path write(int inboxPort) {
        return write(inboxPort, "http://127.0.0.1:" + inboxPort + "/product/events");
    }

    /** @param productInbox product's inbox instead of its WireMock one, such as {@code kafka:product.events} */
    static Path write(int inboxPort, String productInbox) {
        try {
            Path dir = Files.createTempDirectory("dragoman-event-maps");
            Files.writeString(dir.resolve("orders.yaml"), """
                    contexts:
                      order:    {inbox: http://127.0.0.1:%1$d/order/events}
                      product:  {inbox: "%2$s"}
                      payment:  {inbox: http://127.0.0.1:%1$d/payment/events}
                      shipping: {inbox: http://127.0.0.1:%1$d/shipping/events}

                    concepts:
                      product:
                        keys: {order: [sku], product: [sku], shipping: [sku]}
                        entries:
                          - {order: {sku: GX-1001}, product: {sku: 501}, shipping: {sku: SHP-501}}
                          - {order: {sku: GX-1002}, product: {sku: 502}, shipping: {sku: SHP-502}}
                      customer:
                        keys: {order: [id], shipping: [id]}
                        # 5 s: a test asks 250 questions at once, and on a loaded CI machine one took over 1 s.
                        resolver: {url: "http://127.0.0.1:%1$d/resolve", timeout: PT5S}

                    events:
                      - type: order.placed
                        from: order
                        deadline: PT10M
                        deliver:
                          - to: product
                            data: {"$.items[*].sku": product.sku}
                          - to: payment
                          - to: shipping
                            data: {"$.items[*].sku": product.sku}
                      - type: product.reserved
                        from: product
                        deliver:
                          - to: shipping
                            data: {"$.items[*].sku": product.sku}
                      - type: order.sku-noted
                        from: order
                        deliver:
                          - to: shipping
                            endpoint: http://127.0.0.1:%1$d/shipping/skus
                            data: {"$": product.sku}
                      - type: order.gift
                        from: order
                        deliver:
                          - to: shipping
                            endpoint: http://127.0.0.1:%1$d/shipping/gifts
                            data: {"$.customer": customer.id}
                      - type: order.note
                        from: order
                        deadline: PT1M
                        deliver:
                          - to: shipping
                            endpoint: http://127.0.0.1:%1$d/shipping/notes

                    sagas:
                      - name: order-placement
                        start: order.placed
                        deadline: PT10M
                        participants:
                          - context: product
                            completed: product.reserved
                            failed: product.out-of-stock
                            compensation: product.release
                          - context: payment
                            completed: payment.captured
                            failed: payment.declined
                            compensation: payment.refund
                            negate: ["$.amount"]
                        outcome:
                          completed: order.confirmed
                          aborted: order.cancelled
                    """.formatted(inboxPort, productInbox));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
