import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BankAccountTest {
    @Test
    void depositAddsToTheBalance() {
        BankAccount account = new BankAccount();
        account.deposit(50);
        assertEquals(50, account.getBalance());
    }

    @Test
    void withdrawingMoreThanTheBalanceIsRefused() {
        BankAccount account = new BankAccount();
        account.deposit(10);
        assertThrows(IllegalArgumentException.class, () -> account.withdraw(20));
    }
}
