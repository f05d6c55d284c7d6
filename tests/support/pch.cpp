// Anchor translation unit of the test precompiled header (see alpha_add_test_pch).
