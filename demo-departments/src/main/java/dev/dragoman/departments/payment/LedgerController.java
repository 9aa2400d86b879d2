package dev.dragoman.departments.payment;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** GET /ledger: every capture and refund, and the balance they add up to. */
@RestController
class LedgerController {

    private final Ledger ledger;

    LedgerController(Ledger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/ledger")
    LedgerView ledger() {
        List<LedgerEntry> entries = ledger.entries();
        return new LedgerView(entries.stream().mapToLong(LedgerEntry::amount).sum(), entries);
    }

    record LedgerView(long balance, List<LedgerEntry> entries) {
    }
}
