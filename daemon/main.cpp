#include <iostream>

#include "daemon/app/cli.hpp"
#include "daemon/app/command_line.hpp"

int main(int argc, char* argv[]) {
  auto line = crmsync::app::CommandLine::parse(argc, argv);
  if (!line) {
    std::cerr << "crmsyncd: " << line.error();
    return 2;
  }
  return crmsync::app::Cli(std::move(line).value()).run();
}
