package dev.dragoman.departments.order;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** POST /orders places an order (and starts its saga); GET /orders and /orders/{id} show where each stands. */
@RestController
class OrderController {

    private final Orders orders;
    private final OrderPlacing placing;

    OrderController(Orders orders, OrderPlacing placing) {
        this.orders = orders;
        this.placing = placing;
    }

    @PostMapping("/orders")
    ResponseEntity<?> place(@RequestBody Order.Request request) {
        String invalid = invalid(request);
        if (invalid != null) {
            return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid));
        }
        Order order = placing.place(request.items(), request.amount());
        return ResponseEntity.created(URI.create("/orders/" + order.id())).body(order);
    }

    @GetMapping("/orders/{id}")
    ResponseEntity<?> order(@PathVariable String id) {
        return orders.find(id).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no order " + id)));
    }

    @GetMapping("/orders")
    List<Order> orders() {
        return orders.all();
    }

    private static String invalid(Order.Request request) {
        if (request.items() == null || request.items().isEmpty()) {
            return "an order needs items: [{\"sku\":\"GX-1001\",\"quantity\":2}, ...]";
        }
        if (request.items().stream().anyMatch(item -> item.sku() == null || item.sku().isBlank() || item.quantity() < 1)) {
            return "every item needs a sku and a quantity of at least 1";
        }
        if (request.amount() == null || request.amount() < 1) {
            return "an order needs an amount of at least 1 (in cents)";
        }
        return null;
    }
}
