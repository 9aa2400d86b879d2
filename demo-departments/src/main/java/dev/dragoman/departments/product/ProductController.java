package dev.dragoman.departments.product;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /reservations; the warehouse's switch (GET and PUT /warehouse: in-stock, out-of-stock or ask) and the answer
 * to an order that waits for it (POST /warehouse/waiting/{sagaId}: in-stock or out-of-stock).
 */
@RestController
class ProductController {

    private final Reservations reservations;
    private final Warehouse warehouse;

    ProductController(Reservations reservations, Warehouse warehouse) {
        this.reservations = reservations;
        this.warehouse = warehouse;
    }

    @GetMapping("/reservations")
    List<Reservation> reservations() {
        return reservations.all();
    }

    @GetMapping("/warehouse")
    WarehouseView warehouse() {
        return new WarehouseView(warehouse.mode().toString(), warehouse.waiting());
    }

    @PutMapping("/warehouse")
    ResponseEntity<?> switchTo(@RequestBody String mode) {
        try {
            warehouse.switchTo(Warehouse.Mode.of(mode));
            return ResponseEntity.ok(warehouse());
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()));
        }
    }

    @PostMapping("/warehouse/waiting/{sagaId}")
    ResponseEntity<?> answer(@PathVariable String sagaId, @RequestBody String answer) {
        Warehouse.Answer parsed;
        try {
            parsed = Warehouse.Answer.of(answer);
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()));
        }
        if (!warehouse.answer(sagaId, parsed)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "no order of saga " + sagaId + " waits for the warehouse; waiting: " + warehouse.waiting()));
        }
        return ResponseEntity.accepted().body(new Answered(sagaId, parsed.reason()));
    }

    record Answered(String sagaId, String answer) {
    }

    record WarehouseView(String mode, List<String> waiting) {
    }
}
