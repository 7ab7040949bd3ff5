import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.NoSuchElementException;
import org.junit.Test;

public class StackTest {
    @Test
    @Points(3)
    public void pushThenPopReturnsTheLastItem() {
        IntStack stack = new IntStack();
        stack.push(1);
        stack.push(2);
        assertEquals(2, stack.pop());
    }

    @Test
    @Points(2)
    public void aNewStackIsEmpty() {
        assertTrue(new IntStack().isEmpty());
    }

    @Test(expected = NoSuchElementException.class)
    @Points(value = 5, visibility = "after_published")
    public void popOnAnEmptyStackThrows() {
        new IntStack().pop();
    }
}
