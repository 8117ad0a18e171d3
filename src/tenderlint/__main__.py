from tenderlint.cli import main

main()
