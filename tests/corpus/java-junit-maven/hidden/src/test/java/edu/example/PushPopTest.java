package edu.example;

import static org.junit.Assert.assertEquals;

import java.util.NoSuchElementException;
import org.junit.Test;

public class PushPopTest {
    @Test
    public void popsInReverseOrder() {
        IntStack stack = new IntStack();
        for (int i = 0; i < 10; i++) {
            stack.push(i);
        }
        for (int i = 9; i >= 0; i--) {
            assertEquals(i, stack.pop());
        }
        assertEquals(0, stack.size());
    }

    @Test(expected = NoSuchElementException.class)
    public void popOnEmptyThrows() {
        new IntStack().pop();
    }
}
