import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Basic cases (graded as a visible test: students see each failing case's message). */
class BankAccountTest {

    @Test
    void newAccountHasOwnerAndZeroBalance() {
        BankAccount account = new BankAccount("Alice");
        assertEquals("Alice", account.getOwner());
        assertEquals(0, account.getBalance(), "a new account starts at 0");
    }

    @Test
    void initialBalanceIsKept() {
        assertEquals(12_345, new BankAccount("Bob", 12_345).getBalance());
    }

    @Test
    void depositAddsToBalance() {
        BankAccount account = new BankAccount("Alice");
        account.deposit(500);
        account.deposit(250);
        assertEquals(750, account.getBalance(), "after depositing 500 then 250");
    }

    @Test
    void withdrawTakesFromBalance() {
        BankAccount account = new BankAccount("Alice", 1_000);
        account.withdraw(300);
        assertEquals(700, account.getBalance(), "1000 - 300");
    }

    @Test
    void transferMovesMoney() {
        BankAccount alice = new BankAccount("Alice", 1_000);
        BankAccount bob = new BankAccount("Bob", 200);
        alice.transfer(bob, 400);
        assertEquals(600, alice.getBalance(), "Alice after sending 400");
        assertEquals(600, bob.getBalance(), "Bob after receiving 400");
    }
}
