pub fn mermaid() {}
