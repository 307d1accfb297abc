from matcheck.cli import main

main()
