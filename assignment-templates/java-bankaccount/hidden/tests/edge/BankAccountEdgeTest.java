import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Edge cases (graded as a hidden test: students only see which cases passed). */
class BankAccountEdgeTest {

    @Test
    void rejectsBlankOwner() {
        assertThrows(IllegalArgumentException.class, () -> new BankAccount(null));
        assertThrows(IllegalArgumentException.class, () -> new BankAccount(""));
        assertThrows(IllegalArgumentException.class, () -> new BankAccount("   ", 10));
    }

    @Test
    void rejectsNegativeInitialBalance() {
        assertThrows(IllegalArgumentException.class, () -> new BankAccount("Alice", -1));
    }

    @Test
    void rejectsNonPositiveAmounts() {
        BankAccount account = new BankAccount("Alice", 100);
        assertThrows(IllegalArgumentException.class, () -> account.deposit(0));
        assertThrows(IllegalArgumentException.class, () -> account.deposit(-5));
        assertThrows(IllegalArgumentException.class, () -> account.withdraw(0));
        assertThrows(IllegalArgumentException.class, () -> account.withdraw(-5));
        assertEquals(100, account.getBalance());
    }

    @Test
    void overdraftFailsAndKeepsBalance() {
        BankAccount account = new BankAccount("Alice", 100);
        assertThrows(IllegalStateException.class, () -> account.withdraw(101));
        assertEquals(100, account.getBalance());
    }

    @Test
    void withdrawEverything() {
        BankAccount account = new BankAccount("Alice", 100);
        account.withdraw(100);
        assertEquals(0, account.getBalance());
        assertThrows(IllegalStateException.class, () -> account.withdraw(1));
    }

    @Test
    void failedTransferChangesNothing() {
        BankAccount alice = new BankAccount("Alice", 100);
        BankAccount bob = new BankAccount("Bob", 50);
        assertThrows(IllegalStateException.class, () -> alice.transfer(bob, 500));
        assertThrows(IllegalArgumentException.class, () -> alice.transfer(bob, -1));
        assertEquals(100, alice.getBalance());
        assertEquals(50, bob.getBalance());
    }

    @Test
    void transferNeedsAnotherAccount() {
        BankAccount alice = new BankAccount("Alice", 100);
        assertThrows(IllegalArgumentException.class, () -> alice.transfer(null, 10));
        assertThrows(IllegalArgumentException.class, () -> alice.transfer(alice, 10));
        assertEquals(100, alice.getBalance());
    }

    @Test
    void largeAmounts() {
        BankAccount account = new BankAccount("Alice", 3_000_000_000L);
        account.deposit(4_000_000_000L);
        assertEquals(7_000_000_000L, account.getBalance());
    }
}
