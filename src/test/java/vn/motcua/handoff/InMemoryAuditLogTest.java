package vn.motcua.handoff;

class InMemoryAuditLogTest extends AuditLogContract {

    @Override
    AuditLog newLog() {
        return new InMemoryAuditLog();
    }
}
