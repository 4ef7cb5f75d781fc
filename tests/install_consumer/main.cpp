#include <genwire/genwire.hpp>

int main() { return 0; }
